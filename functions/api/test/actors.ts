import type { Actor, TenantRole } from '@pingce/core'

/** An actor of a tenant for use-case tests: who the use case is performed by. */
export function actorOf(options: {
  tenantId?: string
  role: TenantRole
  userId?: string
  unitId?: string
}): Actor {
  return {
    tenantId: options.tenantId ?? 'zhengzhou',
    userId: options.userId ?? `${options.role}-1`,
    role: options.role,
    unitId: options.unitId,
  }
}
