import { ForbiddenError } from '../errors'
import type { TenantRole } from './role'

/**
 * Who performs a use case inside a tenant: established from a verified token (or, for the demo
 * seeding and tests, stated by the caller that plays that person). Use cases take it and nothing
 * else to decide tenant, permissions and visibility.
 */
export interface Actor {
  tenantId: string
  userId: string
  role: TenantRole
  /** Set for `unit` users: the one unit they act for. */
  unitId: string | undefined
}

/**
 * Refuses an actor whose role may not perform the use case. The routes check the same roles as
 * middleware (and document them); a use case checks again because a worker or the seeding may call
 * it without a route in front.
 */
export function assertRole(options: { actor: Actor; roles: readonly TenantRole[] }): void {
  if (!options.roles.includes(options.actor.role)) {
    throw new ForbiddenError({ message: '当前角色无权执行此操作' })
  }
}
