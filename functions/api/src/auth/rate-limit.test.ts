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
})
