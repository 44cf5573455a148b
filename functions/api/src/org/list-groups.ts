import { type Actor, assertRole, type UnitGroup } from '@pingce/core'
import type { Services } from '../services'

export const readOrgRoles = ['admin', 'evaluator', 'supervisor', 'unit'] as const

/** The tenant's unit groups in their display order. */
export async function listGroups(options: {
  deps: Pick<Services, 'org'>
  actor: Actor
}): Promise<UnitGroup[]> {
  assertRole({ actor: options.actor, roles: readOrgRoles })
  return options.deps.org.listGroups({ tenantId: options.actor.tenantId })
}
