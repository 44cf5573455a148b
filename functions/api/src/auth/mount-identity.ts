import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../app-env'
import { platformRoutes } from '../platform/platform-routes'
import type { Services } from '../services'
import { userRoutes } from '../users/user-routes'
import { authenticate } from './authenticate'
import { type RateLimitOptions, rateLimit } from './rate-limit'
import { signupRoutes } from './signup-routes'
import { meRoutes, tokenRoutes } from './token-routes'

export const defaultRateLimit: RateLimitOptions = { capacity: 30, refillPerSecond: 10 }

/**
 * Mounts identity and access on the app, in the order that makes it safe by default: the rate limit
 * and the two public routes (/signup, /auth/token) first, then `authenticate` for everything
 * registered from here on. Hono runs handlers in registration order, so a route added to the app
 * after this call is private unless someone deliberately registers it earlier; routes registered
 * before it (health, OpenAPI document) stay public.
 */
export function mountIdentity(options: {
  app: OpenAPIHono<AppEnv>
  deps: Services
  rateLimit?: RateLimitOptions
}): void {
  const { app, deps } = options
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  })
  const limiter = rateLimit(options.rateLimit ?? defaultRateLimit)
  app.use('/signup', limiter)
  app.use('/auth/token', limiter)
  app.route('/', signupRoutes(deps))
  app.route('/', tokenRoutes(deps))
  // Authenticated callers are limited per user, after authentication has named them.
  app.use('*', authenticate({ identity: deps.identity }), limiter)
  app.route('/', meRoutes(deps))
  app.route('/', userRoutes(deps))
  app.route('/', platformRoutes(deps))
}
