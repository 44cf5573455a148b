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
      ]),
    )
    expect(document.paths['/users']?.post?.security).toEqual([{ bearerAuth: [] }])
    expect(document.paths['/signup']?.post?.security).toBeUndefined()
    expect(document.components.securitySchemes.bearerAuth).toBeDefined()
    expect(document.components.schemas).toHaveProperty('SignUpRequest')
  })
})
