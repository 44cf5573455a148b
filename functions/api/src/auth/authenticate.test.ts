import { OpenAPIHono } from '@hono/zod-openapi'
import type { AuthContext, IdentityProvider } from '@pingce/core'
import { UnauthorizedError } from '@pingce/core'
import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../../test/test-app'
import type { AppEnv } from '../app-env'
import { actorOf } from '../http/actor-of'
import { handleError } from '../http/handle-error'
import { requireRole } from '../http/require-role'
import { authenticate } from './authenticate'

const evaluator: AuthContext = {
  userId: 'u-2',
  email: 'li@zhengzhou.gov.cn',
  role: 'evaluator',
  tenantId: 'zhengzhou',
  unitId: undefined,
}

/** An identity that records what it was asked to verify. */
function recordingIdentity(seen: unknown[]): IdentityProvider {
  return {
    createIdentity: async () => {},
    signIn: async () => ({ accessToken: '', tokenType: 'Bearer', expiresIn: 0 }),
    resetPassword: async () => {},
    disableIdentity: async () => {},
    deleteIdentity: async () => {},
    verify: async (options) => {
      seen.push(options)
      if (!options.token && !options.authorizerClaims) throw new UnauthorizedError({ message: '请先登录' })
      return evaluator
    },
  }
}

function appWith(identity: IdentityProvider): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>()
  app.onError(handleError)
  app.use('*', authenticate({ identity }))
  app.get('/tenant', (c) => c.json({ tenantId: actorOf(c).tenantId }))
  app.get('/admin-only', requireRole('admin'), (c) => c.json({ ok: true }))
  return app
}

describe('authenticate', () => {
  it('passes the bearer token to the identity provider and puts the caller on the context', async () => {
    // Prepare
    const seen: unknown[] = []
    const app = appWith(recordingIdentity(seen))
    // Act
    const response = await app.request('/tenant', { headers: { authorization: 'Bearer abc.def.ghi' } })
    // Assess
    expect(await response.json()).toEqual({ tenantId: 'zhengzhou' })
    expect(seen).toEqual([{ token: 'abc.def.ghi', authorizerClaims: undefined }])
  })

  it("on Lambda passes the API Gateway authorizer's claims", async () => {
    const seen: unknown[] = []
    const app = appWith(recordingIdentity(seen))
    const claims = { sub: 's', 'cognito:username': 'u-2', 'custom:tenantId': 'zhengzhou' }
    const event = { requestContext: { authorizer: { jwt: { claims, scopes: [] } } } }
    const response = await app.request('/tenant', {}, { event })
    expect(response.status).toBe(200)
    expect(seen).toEqual([{ token: undefined, authorizerClaims: claims }])
  })

  it('answers 401 without credentials and 403 for a role that is not allowed', async () => {
    const app = appWith(recordingIdentity([]))
    expect((await app.request('/tenant')).status).toBe(401)
    expect((await app.request('/tenant', { headers: { authorization: 'Basic eDp5' } })).status).toBe(401)
    const forbidden = await app.request('/admin-only', { headers: { authorization: 'Bearer t' } })
    expect(forbidden.status).toBe(403)
  })

  it('turns an unexpected verifier failure into 401, never a 500', async () => {
    const identity = { ...recordingIdentity([]), verify: async () => Promise.reject(new Error('boom')) }
    const response = await appWith(identity).request('/tenant', { headers: { authorization: 'Bearer t' } })
    expect(response.status).toBe(401)
    expect(await response.text()).not.toContain('boom')
  })

  it('answers 401 when a provider hands over a caller whose tenant id is not a valid id', async () => {
    for (const tenantId of ['TENANT#x', 'A B']) {
      const identity = { ...recordingIdentity([]), verify: async () => ({ ...evaluator, tenantId }) }
      const response = await appWith(identity).request('/tenant', { headers: { authorization: 'Bearer t' } })
      expect(response.status).toBe(401)
      expect(await response.text()).not.toContain(tenantId)
    }
  })

  it('answers 401, not 500, to a token signed with the right secret naming tenant TENANT#x or A B', async () => {
    const { call } = createTestApp()
    const key = new TextEncoder().encode('a-test-secret-of-at-least-32-bytes!!')
    for (const tid of ['TENANT#x', 'A B']) {
      const token = await new SignJWT({ email: 'x@zz.cn', role: 'admin', tid })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u-1')
        .setIssuer('pingce-local')
        .setAudience('pingce')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key)
      const response = await call({ path: '/users', token })
      expect(response.status).toBe(401)
      expect(response.body).toMatchObject({ error: { code: 'UNAUTHORIZED' } })
    }
  })
})
