import { describe, expect, it } from 'vitest'
import { createTestApp } from '../../test/test-app'

const evaluator = { email: 'li@zhengzhou.gov.cn', displayName: '李评估', role: 'evaluator' }

describe('user routes', () => {
  it('lets the admin invite an evaluator, who can then sign in with the generated password', async () => {
    // Prepare
    const { call, signUpCity } = createTestApp()
    const admin = await signUpCity({ tenantId: 'zhengzhou', divisionCode: '410100', email: 'a@zz.cn' })
    // Act
    const invited = await call({ path: '/users', token: admin, body: evaluator })
    // Assess
    expect(invited.status).toBe(201)
    expect(invited.body).toMatchObject({ user: { role: 'evaluator', email: 'li@zhengzhou.gov.cn' } })
    const password = invited.body.temporaryPassword as string
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/)
    const signedIn = await call({ path: '/auth/token', body: { email: 'li@zhengzhou.gov.cn', password } })
    expect(signedIn.status).toBe(200)
    const listed = await call({ path: '/users', token: admin })
    expect((listed.body.users as unknown[]).length).toBe(2)
  })

  it('returns no password when the admin chose one', async () => {
    const { call, signUpCity } = createTestApp()
    const admin = await signUpCity({ tenantId: 'zhengzhou', divisionCode: '410100', email: 'a@zz.cn' })
    const invited = await call({
      path: '/users',
      token: admin,
      body: { ...evaluator, temporaryPassword: 'Chosen12345' },
    })
    expect(invited.status).toBe(201)
    expect(invited.body.temporaryPassword).toBeUndefined()
  })

  it('refuses an evaluator who tries to invite (403) and an anonymous caller (401)', async () => {
    const { call, signUpCity } = createTestApp()
    const admin = await signUpCity({ tenantId: 'zhengzhou', divisionCode: '410100', email: 'a@zz.cn' })
    const { body } = await call({ path: '/users', token: admin, body: evaluator })
    const signedIn = await call({
      path: '/auth/token',
      body: { email: evaluator.email, password: body.temporaryPassword },
    })
    const evaluatorToken = signedIn.body.accessToken as string
    const refused = await call({
      path: '/users',
      token: evaluatorToken,
      body: { ...evaluator, email: 'x@zz.cn' },
    })
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } })
    const anonymous = await call({ path: '/users', body: evaluator })
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer')
  })

  it('requires unitId for the unit role, only for it, and of an existing unit (400 naming unitId)', async () => {
    const { call, signUpCity } = createTestApp()
    const admin = await signUpCity({ tenantId: 'zhengzhou', divisionCode: '410100', email: 'a@zz.cn' })
    const missing = await call({ path: '/users', token: admin, body: { ...evaluator, role: 'unit' } })
    const extra = await call({ path: '/users', token: admin, body: { ...evaluator, unitId: 'u-gaoxin' } })
    const unknown = await call({
      path: '/users',
      token: admin,
      body: { ...evaluator, role: 'unit', unitId: 'gaoxin' },
    })
    await call({ method: 'PUT', path: '/groups/zone', token: admin, body: { name: '开发区', sortOrder: 1 } })
    await call({
      method: 'PUT',
      path: '/units/gaoxin',
      token: admin,
      body: { groupId: 'zone', name: '高新区' },
    })
    for (const response of [missing, extra, unknown]) {
      expect(response.status).toBe(400)
      expect(response.body).toMatchObject({
        error: { code: 'VALIDATION_FAILED', issues: [{ path: 'unitId' }] },
      })
    }
    const unit = await call({
      path: '/users',
      token: admin,
      body: { ...evaluator, role: 'unit', unitId: 'gaoxin' },
    })
    expect(unit.status).toBe(201)
  })

  it('answers 409 naming email when the email is already a login anywhere', async () => {
    const { call, signUpCity } = createTestApp()
    const admin = await signUpCity({ tenantId: 'zhengzhou', divisionCode: '410100', email: 'a@zz.cn' })
    await call({ path: '/users', token: admin, body: evaluator })
    const again = await call({
      path: '/users',
      token: admin,
      body: { ...evaluator, email: 'LI@zhengzhou.gov.cn' },
    })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ error: { issues: [{ path: 'email' }] } })
  })

  it("answers 404 for another tenant's user id, with none of that tenant's data", async () => {
    const { call, signUpCity } = createTestApp()
    const adminA = await signUpCity({ tenantId: 'zhengzhou', divisionCode: '410100', email: 'a@zz.cn' })
    const adminB = await signUpCity({ tenantId: 'kaifeng', divisionCode: '410200', email: 'b@kf.cn' })
    const invitedB = await call({
      path: '/users',
      token: adminB,
      body: { ...evaluator, email: 'secret@kf.cn' },
    })
    const userIdB = (invitedB.body.user as { userId: string }).userId
    for (const request of [
      { path: `/users/${userIdB}` },
      { path: `/users/${userIdB}/password-reset`, body: {} },
      { path: `/users/${userIdB}/disable`, method: 'POST' },
    ]) {
      const response = await call({ ...request, token: adminA })
      expect(response.status).toBe(404)
      expect(JSON.stringify(response.body)).not.toMatch(/secret@kf\.cn|kaifeng|李评估/)
    }
    const stillThere = await call({ path: `/users/${userIdB}`, token: adminB })
    expect(stillThere.body).toMatchObject({ isActive: true })
  })

  it('resets a password with a generated one, lifting a lock-out', async () => {
    const { call, signUpCity } = createTestApp()
    const admin = await signUpCity({ tenantId: 'zhengzhou', divisionCode: '410100', email: 'a@zz.cn' })
    const invited = await call({ path: '/users', token: admin, body: evaluator })
    const userId = (invited.body.user as { userId: string }).userId
    for (let i = 0; i < 5; i++) {
      await call({ path: '/auth/token', body: { email: evaluator.email, password: 'Wrong1234567' } })
    }
    const locked = await call({
      path: '/auth/token',
      body: { email: evaluator.email, password: invited.body.temporaryPassword },
    })
    expect(locked.status).toBe(429)
    const reset = await call({ path: `/users/${userId}/password-reset`, method: 'POST', token: admin })
    expect(reset.status).toBe(200)
    const password = reset.body.temporaryPassword as string
    expect((await call({ path: '/auth/token', body: { email: evaluator.email, password } })).status).toBe(200)
  })

  it('disables a user, who can no longer sign in, but not the admin themself', async () => {
    const { call, signUpCity } = createTestApp()
    const admin = await signUpCity({ tenantId: 'zhengzhou', divisionCode: '410100', email: 'a@zz.cn' })
    const invited = await call({
      path: '/users',
      token: admin,
      body: { ...evaluator, temporaryPassword: 'Chosen12345' },
    })
    const userId = (invited.body.user as { userId: string }).userId
    const disabled = await call({ path: `/users/${userId}/disable`, method: 'POST', token: admin })
    expect(disabled.body).toMatchObject({ isActive: false })
    const signIn = await call({
      path: '/auth/token',
      body: { email: evaluator.email, password: 'Chosen12345' },
    })
    expect(signIn.status).toBe(401)
    const me = await call({ path: '/me', token: admin })
    const self = await call({
      path: `/users/${(me.body.caller as { userId: string }).userId}/disable`,
      method: 'POST',
      token: admin,
    })
    expect(self.status).toBe(409)
  })
})
