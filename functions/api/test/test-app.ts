import type { OpenAPIHono } from '@hono/zod-openapi'
import type { TenantDirectory } from '@pingce/core'
import { createApp } from '../src/app'
import type { AppEnv } from '../src/app-env'
import type { RateLimitOptions } from '../src/auth/rate-limit'
import { type TestDeps, testDeps } from './test-deps'

export interface TestApp {
  app: OpenAPIHono<AppEnv>
  deps: TestDeps
  /** Sends JSON with an optional bearer token; the response body parsed. */
  call(options: {
    method?: string
    path: string
    token?: string
    body?: unknown
  }): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>
  /** Creates the platform operator's identity (there is no route for it) and signs it in. */
  operatorToken(): Promise<string>
  /** Signs a city up through POST /signup and returns its admin's token. */
  signUpCity(options: { tenantId: string; divisionCode: string; email: string }): Promise<string>
}

/**
 * The real app with identity mounted on in-memory fakes, for in-process route tests. The hasher
 * is cheap here on purpose: the memory-hard parameters are tested in password-hasher.test.ts.
 */
export function createTestApp(
  options: { tenants?: TenantDirectory; rateLimit?: RateLimitOptions; now?: () => Date } = {},
): TestApp {
  const base = testDeps({
    maxBodyBytes: 64 * 1024,
    rateLimit: options.rateLimit ?? { capacity: 1000, refillPerSecond: 1000 },
    ...(options.now ? { now: options.now } : {}),
  })
  const identity = base.identity
  const deps: TestDeps = { ...base, tenants: options.tenants ?? base.tenants }
  const app = createApp(deps)
  const call: TestApp['call'] = async ({ method, path, token, body }) => {
    const response = await app.request(path, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} }
  }
  return {
    app,
    deps,
    call,
    operatorToken: async () => {
      await identity.createIdentity({
        tenantId: undefined,
        userId: 'operator',
        email: 'operator@pingce.cn',
        role: 'platform-operator',
        unitId: undefined,
        password: 'Operator12345',
      })
      return (await identity.signIn({ email: 'operator@pingce.cn', password: 'Operator12345' })).accessToken
    },
    signUpCity: async ({ tenantId, divisionCode, email }) => {
      const response = await call({
        path: '/signup',
        body: {
          tenantId,
          name: `${tenantId}市`,
          divisionCode,
          tier: '地市',
          admin: { email, displayName: '管理员', password: 'CityAdmin2026' },
        },
      })
      if (response.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(response.body)}`)
      return (response.body.token as { accessToken: string }).accessToken
    },
  }
}
