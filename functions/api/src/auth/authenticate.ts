import { type IdentityProvider, UnauthorizedError, VerifiedAuthContextSchema } from '@pingce/core'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env'

const bearerPattern = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i

/**
 * Turns a verified token into the caller on `c.var.auth`, or answers 401. Locally the bearer token is
 * verified here; on Lambda API Gateway's JWT authorizer has verified it already and its claims
 * arrive in the event, so the same middleware serves both identity providers.
 */
export function authenticate(options: { identity: IdentityProvider }): MiddlewareHandler<AppEnv> {
  return async function authenticateMiddleware(c, next) {
    const header = c.req.header('authorization')
    const token = header ? bearerPattern.exec(header.trim())?.[1] : undefined
    let auth: AppEnv['Variables']['auth']
    try {
      const verified = await options.identity.verify({ token, authorizerClaims: authorizerClaimsOf(c.env) })
      // Checked again whatever the provider: an id that could not be a key never gets past the door.
      const parsed = VerifiedAuthContextSchema.safeParse(verified)
      if (!parsed.success) throw new UnauthorizedError({ message: '登录凭证无效，请重新登录' })
      auth = parsed.data
    } catch (error) {
      c.header('WWW-Authenticate', 'Bearer realm="pingce"')
      if (error instanceof UnauthorizedError) throw error
      // Anything else from a verifier (a malformed token jose could not parse) is still "not signed in".
      throw new UnauthorizedError({ message: '登录凭证无效，请重新登录' })
    }
    c.set('auth', auth)
    // From here on every line logged for this request names the tenant (of the verified token only).
    const logger = c.get('logger')
    if (logger && auth.tenantId !== undefined) c.set('logger', logger.child({ tenantId: auth.tenantId }))
    await next()
  }
}

/** The claims of an HTTP API (payload v2) JWT authorizer; absent outside Lambda. */
function authorizerClaimsOf(env: AppEnv['Bindings'] | undefined): Record<string, unknown> | undefined {
  const event = env?.event as
    | { requestContext?: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } } }
    | undefined
  return event?.requestContext?.authorizer?.jwt?.claims
}
