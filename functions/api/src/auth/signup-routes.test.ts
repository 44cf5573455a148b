import { describe, expect, it } from 'vitest'
import { createTestApp } from '../../test/test-app'

const zhengzhou = {
  tenantId: 'zhengzhou',
  name: '郑州市',
  divisionCode: '410100',
  tier: '省会',
  admin: { email: 'Admin@Zhengzhou.gov.cn', displayName: '王主任', password: 'Zhengzhou2026' },
}

describe('POST /signup', () => {
  it('creates the tenant and its admin, signs the admin in, and /me shows the caller', async () => {
    // Prepare
    const { call } = createTestApp()
    // Act
    const signedUp = await call({ path: '/signup', body: zhengzhou })
    // Assess
    expect(signedUp.status).toBe(201)
    expect(signedUp.body).toMatchObject({
      tenant: { tenantId: 'zhengzhou', divisionCode: '410100', tier: '省会' },
      admin: { email: 'admin@zhengzhou.gov.cn', role: 'admin', isActive: true },
      token: { tokenType: 'Bearer', expiresIn: 3600 },
    })
    expect(JSON.stringify(signedUp.body)).not.toContain('Zhengzhou2026')
    const token = (signedUp.body.token as { accessToken: string }).accessToken
    const me = await call({ path: '/me', token })
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({
      caller: { role: 'admin', tenantId: 'zhengzhou', email: 'admin@zhengzhou.gov.cn' },
      user: { displayName: '王主任' },
      tenant: { name: '郑州市' },
    })
  })

  it('signs the admin in again through POST /auth/token', async () => {
    const { call } = createTestApp()
    await call({ path: '/signup', body: zhengzhou })
    const token = await call({
      path: '/auth/token',
      body: { email: 'admin@zhengzhou.gov.cn', password: 'Zhengzhou2026' },
    })
    expect(token.status).toBe(200)
    expect(token.body).toMatchObject({ tokenType: 'Bearer' })
  })

  it('answers a taken tenantId with 409 naming it; the same division code signs up pending until confirmed', async () => {
    const { call, operatorToken } = createTestApp()
    await call({ path: '/signup', body: zhengzhou })
    const sameId = await call({
      path: '/signup',
      body: { ...zhengzhou, divisionCode: '410200', admin: { ...zhengzhou.admin, email: 'b@x.cn' } },
    })
    const sameDivision = await call({
      path: '/signup',
      body: { ...zhengzhou, tenantId: 'zz-two', admin: { ...zhengzhou.admin, email: 'c@x.cn' } },
    })
    expect(sameId.status).toBe(409)
    expect(sameId.body).toMatchObject({ error: { issues: [{ path: 'tenantId' }] } })
    expect(sameDivision.status).toBe(201)
    expect(sameDivision.body).toMatchObject({ tenant: { tenantId: 'zz-two', divisionCodeStatus: 'pending' } })
    const token = await operatorToken()
    const confirmed = await call({
      path: '/platform/tenants/zhengzhou/division-code/confirm',
      token,
      body: {},
    })
    expect(confirmed.status).toBe(200)
    const afterConfirmation = await call({
      path: '/signup',
      body: { ...zhengzhou, tenantId: 'zz-three', admin: { ...zhengzhou.admin, email: 'd@x.cn' } },
    })
    expect(afterConfirmation.status).toBe(409)
    expect(afterConfirmation.body).toMatchObject({ error: { issues: [{ path: 'divisionCode' }] } })
  })

  it('ignores a division-code status the caller sends: a sign-up only claims its code', async () => {
    const { call } = createTestApp()
    const signedUp = await call({ path: '/signup', body: { ...zhengzhou, divisionCodeStatus: 'confirmed' } })
    expect(signedUp.status).toBe(201)
    expect(signedUp.body).toMatchObject({ tenant: { divisionCodeStatus: 'pending' } })
  })

  it('answers a taken admin email with 409 naming email and undoes the tenant it had created', async () => {
    const { call, deps } = createTestApp()
    const { tenants } = deps
    await call({ path: '/signup', body: zhengzhou })
    const kaifeng = { ...zhengzhou, tenantId: 'kaifeng', name: '开封市', divisionCode: '410200' }
    const duplicate = await call({ path: '/signup', body: kaifeng })
    expect(duplicate.status).toBe(409)
    expect(duplicate.body).toMatchObject({ error: { code: 'CONFLICT', issues: [{ path: 'email' }] } })
    expect(await tenants.getTenant({ tenantId: 'kaifeng' })).toBeUndefined()
    const retry = await call({
      path: '/signup',
      body: { ...kaifeng, admin: { ...kaifeng.admin, email: 'admin@kaifeng.gov.cn' } },
    })
    expect(retry.status).toBe(201)
  })

  it.each([
    'platform',
    'admin',
    'api',
    'www',
    'static',
    'assets',
    'docs',
    'health',
    'auth',
    'signup',
    'system',
    'root',
    'operator',
    'pingce',
    'test',
    'demo',
  ])('refuses the reserved tenant id %s with 400 naming tenantId', async (tenantId) => {
    const { call, deps } = createTestApp()
    const refused = await call({ path: '/signup', body: { ...zhengzhou, tenantId } })
    expect(refused.status).toBe(400)
    expect(refused.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', issues: [{ path: 'tenantId' }] },
    })
    expect(await deps.tenants.listTenants()).toEqual([])
  })

  it("signs up the demo's cities: their ids are not reserved", async () => {
    const { call } = createTestApp()
    const cities = [
      ['zhengzhou', '410100'],
      ['kaifeng', '410200'],
      ['ankang', '610900'],
      ['shanghai', '310000'],
    ]
    for (const [tenantId, divisionCode] of cities) {
      const admin = { ...zhengzhou.admin, email: `admin@${tenantId}.gov.cn` }
      const signedUp = await call({ path: '/signup', body: { ...zhengzhou, tenantId, divisionCode, admin } })
      expect(signedUp.status).toBe(201)
    }
  })

  it('answers invalid input with 400 and the zod issues, without a stack', async () => {
    const { call } = createTestApp()
    const invalid = await call({
      path: '/signup',
      body: {
        ...zhengzhou,
        tier: '县级市',
        divisionCode: '4101',
        admin: { ...zhengzhou.admin, password: 'short' },
      },
    })
    expect(invalid.status).toBe(400)
    const paths = (invalid.body.error as { issues: { path: string }[] }).issues.map((issue) => issue.path)
    expect(paths).toEqual(expect.arrayContaining(['tier', 'divisionCode', 'admin.password']))
    expect(JSON.stringify(invalid.body)).not.toMatch(/\s+at \S+ \(|\.ts:\d/)
  })
})
