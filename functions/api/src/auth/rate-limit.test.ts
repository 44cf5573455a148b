import { describe, expect, it } from 'vitest'
import { createTestApp } from '../../test/test-app'

describe('rateLimit', () => {
  it('answers 429 with Retry-After once a caller has used its burst, and refills over time', async () => {
    // Prepare
    let now = new Date('2026-11-23T08:00:00Z')
    const { call } = createTestApp({
      rateLimit: { capacity: 3, refillPerSecond: 0.5, now: () => now.getTime() },
      now: () => now,
    })
    const attempt = () =>
      call({ path: '/auth/token', body: { email: 'nobody@x.cn', password: 'Whatever123' } })
    // Act
    const statuses = [(await attempt()).status, (await attempt()).status, (await attempt()).status]
    const limited = await attempt()
    // Assess
    expect(statuses).toEqual([401, 401, 401])
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('2')
    expect(limited.body).toMatchObject({
      error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' },
    })
    now = new Date(now.getTime() + 2_000)
    expect((await attempt()).status).toBe(401)
  })

  it('counts signed-in callers per user, not per address', async () => {
    let now = 0
    const { call, signUpCity } = createTestApp({
      rateLimit: { capacity: 3, refillPerSecond: 1, now: () => now },
    })
    const zz = await signUpCity({ tenantId: 'zhengzhou', divisionCode: '410100', email: 'a@zz.cn' })
    now += 60_000
    const kf = await signUpCity({ tenantId: 'kaifeng', divisionCode: '410200', email: 'b@kf.cn' })
    now += 60_000
    for (let i = 0; i < 3; i++) expect((await call({ path: '/me', token: zz })).status).toBe(200)
    expect((await call({ path: '/me', token: zz })).status).toBe(429)
    expect((await call({ path: '/me', token: kf })).status).toBe(200)
  })

  /** POST /auth/token as an anonymous caller, with the request's headers and the server's bindings. */
  const tokenRequest = (
    app: ReturnType<typeof createTestApp>['app'],
    options: { headers?: Record<string, string>; env?: Record<string, unknown> } = {},
  ) =>
    app.request(
      '/auth/token',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: JSON.stringify({ email: 'nobody@x.cn', password: 'Whatever123' }),
      },
      options.env,
    )
  /** What @hono/node-server passes as bindings: the Node request, with its socket. */
  const nodeServer = (remoteAddress: string) => ({
    incoming: { socket: { remoteAddress, remotePort: 50_000, remoteFamily: 'IPv4' } },
    outgoing: {},
  })
  const limited = { rateLimit: { capacity: 2, refillPerSecond: 0.001, now: () => 0 } }

  it('ignores a client-sent X-Forwarded-For outside API Gateway: new headers mint no new buckets', async () => {
    // Prepare
    const { app } = createTestApp(limited)
    // Act
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      const headers = { 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `198.51.100.${i}` }
      statuses.push((await tokenRequest(app, { headers, env: nodeServer('192.0.2.7') })).status)
    }
    // Assess
    expect(statuses).toEqual([401, 401, 429, 429])
  })

  it("keys anonymous callers on the socket's remote address behind the Node server", async () => {
    const { app } = createTestApp(limited)
    for (let i = 0; i < 2; i++) await tokenRequest(app, { env: nodeServer('192.0.2.7') })
    expect((await tokenRequest(app, { env: nodeServer('192.0.2.7') })).status).toBe(429)
    expect((await tokenRequest(app, { env: nodeServer('192.0.2.8') })).status).toBe(401)
  })

  it("keys anonymous callers on API Gateway's source IP on Lambda, whatever X-Forwarded-For says", async () => {
    const { app } = createTestApp(limited)
    const lambda = (sourceIp: string) => ({ event: { requestContext: { http: { sourceIp } } } })
    for (let i = 0; i < 2; i++) {
      const headers = { 'x-forwarded-for': `203.0.113.${i}` }
      expect((await tokenRequest(app, { headers, env: lambda('198.51.100.1') })).status).toBe(401)
    }
    const headers = { 'x-forwarded-for': '203.0.113.9' }
    expect((await tokenRequest(app, { headers, env: lambda('198.51.100.1') })).status).toBe(429)
    expect((await tokenRequest(app, { headers, env: lambda('198.51.100.2') })).status).toBe(401)
  })

  it('counts signed-in callers per tenant and user: one user id in two cities has two buckets', async () => {
    // Prepare
    const { app, deps } = createTestApp(limited)
    const tokens: string[] = []
    for (const tenantId of ['zhengzhou', 'kaifeng']) {
      const email = `admin@${tenantId}.gov.cn`
      await deps.identity.createIdentity({
        tenantId,
        userId: 'u-admin',
        email,
        role: 'admin',
        unitId: undefined,
        password: 'CityAdmin2026',
      })
      tokens.push((await deps.identity.signIn({ email, password: 'CityAdmin2026' })).accessToken)
    }
    const me = (token: string | undefined) =>
      app.request('/me', { headers: { authorization: `Bearer ${token}` } }, nodeServer('192.0.2.7'))
    // Act
    const zhengzhou = [
      (await me(tokens[0])).status,
      (await me(tokens[0])).status,
      (await me(tokens[0])).status,
    ]
    const kaifeng = (await me(tokens[1])).status
    // Assess
    expect(zhengzhou[2]).toBe(429)
    expect(zhengzhou.slice(0, 2)).not.toContain(429)
    expect(kaifeng).not.toBe(429)
  })
})
