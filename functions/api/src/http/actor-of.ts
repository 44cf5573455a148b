import { type Actor, ForbiddenError, TenantRoleSchema, UnauthorizedError } from '@pingce/core'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env'

/**
 * The actor of a tenant route, from the verified token and from nowhere else: tenant routes have no
 * tenant in their path, query or body. The operator has no tenant and gets 403.
 */
export function actorOf(c: Context<AppEnv>): Actor {
  const auth = c.get('auth')
  if (!auth) throw new UnauthorizedError({ message: '请先登录' })
  const role = TenantRoleSchema.safeParse(auth.role)
  if (!auth.tenantId || !role.success) throw new ForbiddenError({ message: '平台运营账户不能访问城市数据' })
  return { tenantId: auth.tenantId, userId: auth.userId, role: role.data, unitId: auth.unitId }
}
