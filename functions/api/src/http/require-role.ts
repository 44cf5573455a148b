import { ForbiddenError, type Role, UnauthorizedError } from '@pingce/core'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env'

/**
 * Lets the request through only for the given roles (403 otherwise). Mount after
 * {@link authenticate}; without a caller it answers 401 rather than trusting a missing context.
 *
 * @example app.openapi(createRoute({ …, middleware: [requireRole('admin')] }), handler)
 */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set<Role>(roles)
  return async function requireRoleMiddleware(c, next) {
    const auth = c.get('auth')
    if (!auth) throw new UnauthorizedError({ message: '请先登录' })
    if (!allowed.has(auth.role)) throw new ForbiddenError({ message: '当前角色无权执行此操作' })
    await next()
  }
}
