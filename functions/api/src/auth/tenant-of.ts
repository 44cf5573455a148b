import { ForbiddenError, UnauthorizedError } from '@pingce/core'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env'

/**
 * The tenant of the request, taken from the verified token and from nowhere else: tenant routes
 * have no tenant in their path, query or body. The operator has no tenant and gets 403.
 */
export function tenantOf(c: Context<AppEnv>): string {
  const auth = c.get('auth')
  if (!auth) throw new UnauthorizedError({ message: '请先登录' })
  if (!auth.tenantId) throw new ForbiddenError({ message: '平台运营账户不能访问城市数据' })
  return auth.tenantId
}
