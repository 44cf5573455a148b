import { describe, expect, it } from 'vitest'
import { createTestApp } from '../../test/test-app'

describe('platform routes', () => {
  it('lets the operator list every tenant', async () => {
    // Prepare
    const { call, signUpCity, operatorToken } = createTestApp()
    await signUpCity({ tenantId: 'zhengzhou', divisionCode: '410100', email: 'a@zz.cn' })
    await signUpCity({ tenantId: 'kaifeng', divisionCode: '410200', email: 'b@kf.cn' })
    // Act
    const listed = await call({ path: '/platform/tenants', token: await operatorToken() })
    // Assess
    expect(listed.status).toBe(200)
    expect((listed.body.tenants as { tenantId: string }[]).map((t) => t.tenantId)).toEqual([
      'kaifeng',
      'zhengzhou',
    ])
  })

  it('shows the operator each division code pending until confirmed, then exclusive to one city', async () => {
    // Prepare: two cities claim 410100
    const { call, signUpCity, operatorToken } = createTestApp()
    await signUpCity({ tenantId: 'zhengzhou', divisionCode: '410100', email: 'a@zz.cn' })
    await signUpCity({ tenantId: 'zz-copy', divisionCode: '410100', email: 'b@zz.cn' })
    const token = await operatorToken()
    const confirm = (tenantId: string) =>
      call({ path: `/platform/tenants/${tenantId}/division-code/confirm`, token, body: { reason: '已核实' } })
    const statuses = async () =>
      (
        (await call({ path: '/platform/tenants', token })).body.tenants as {
          tenantId: string
          divisionCodeStatus: string
        }[]
      ).map((tenant) => [tenant.tenantId, tenant.divisionCodeStatus])
    expect(await statuses()).toEqual([
      ['zhengzhou', 'pending'],
      ['zz-copy', 'pending'],
    ])
    // Act
    const confirmed = await confirm('zhengzhou')
    const second = await confirm('zz-copy')
    // Assess
    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toMatchObject({ tenantId: 'zhengzhou', divisionCodeStatus: 'confirmed' })
    expect(second.status).toBe(409)
    expect(second.body).toMatchObject({ error: { code: 'CONFLICT', issues: [{ path: 'divisionCode' }] } })
    expect(await statuses()).toEqual([
      ['zhengzhou', 'confirmed'],
      ['zz-copy', 'pending'],
    ])
  })

  it('lets the operator reject a claim, with or without a body', async () => {
    const { call, signUpCity, operatorToken } = createTestApp()
    await signUpCity({ tenantId: 'zz-copy', divisionCode: '410100', email: 'b@zz.cn' })
    const token = await operatorToken()
    const rejected = await call({
      method: 'POST',
      path: '/platform/tenants/zz-copy/division-code/reject',
      token,
    })
    expect(rejected.status).toBe(200)
    expect(rejected.body).toMatchObject({ tenantId: 'zz-copy', divisionCodeStatus: 'rejected' })
  })

  it('answers an unknown tenant with 404 and a tenant id that is no id with 400 naming tenantId', async () => {
    const { call, operatorToken } = createTestApp()
    const token = await operatorToken()
    const unknown = await call({ path: '/platform/tenants/nowhere/division-code/confirm', token, body: {} })
    const malformed = await call({ path: '/platform/tenants/A%20B/division-code/reject', token, body: {} })
    expect(unknown.status).toBe(404)
    expect(malformed.status).toBe(400)
    expect(malformed.body).toMatchObject({ error: { issues: [{ path: 'tenantId' }] } })
  })

  it('refuses a city admin with 403 on the division-code decisions, changing nothing', async () => {
    const { call, signUpCity } = createTestApp()
    const admin = await signUpCity({ tenantId: 'zhengzhou', divisionCode: '410100', email: 'a@zz.cn' })
    for (const verb of ['confirm', 'reject']) {
      const refused = await call({
        path: `/platform/tenants/zhengzhou/division-code/${verb}`,
        token: admin,
        body: {},
      })
      expect(refused.status).toBe(403)
    }
    expect((await call({ path: '/me', token: admin })).body).toMatchObject({
      tenant: { divisionCodeStatus: 'pending' },
    })
  })

  it('refuses a city admin with 403', async () => {
    const { call, signUpCity } = createTestApp()
    const admin = await signUpCity({ tenantId: 'zhengzhou', divisionCode: '410100', email: 'a@zz.cn' })
    const refused = await call({ path: '/platform/tenants', token: admin })
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } })
  })

  it('gives the operator 403 on tenant routes: it has no tenant', async () => {
    const { call, operatorToken } = createTestApp()
    const token = await operatorToken()
    expect((await call({ path: '/me', token })).body).toMatchObject({ caller: { role: 'platform-operator' } })
    expect((await call({ path: '/users', token })).status).toBe(403)
  })

  it('documents every identity route in the OpenAPI document with the bearer scheme', async () => {
    const { call } = createTestApp()
    const document = (await call({ path: '/openapi.json' })).body as {
      paths: Record<string, Record<string, { tags: string[]; security?: unknown[] }>>
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> }
    }
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/signup',
        '/auth/token',
        '/me',
        '/users',
        '/users/{userId}',
        '/users/{userId}/password-reset',
        '/users/{userId}/disable',
        '/platform/tenants',
        '/platform/tenants/{tenantId}/division-code/confirm',
        '/platform/tenants/{tenantId}/division-code/reject',
      ]),
    )
    expect(document.paths['/users']?.post?.security).toEqual([{ bearerAuth: [] }])
    expect(document.paths['/signup']?.post?.security).toBeUndefined()
    expect(document.components.securitySchemes.bearerAuth).toBeDefined()
    expect(document.components.schemas).toHaveProperty('SignUpRequest')
  })
})
