import { type Actor, assertRole, type Unit } from '@pingce/core'
import type { Services } from '../services'
import { readOrgRoles } from './list-groups'

/** A unit user sees its own unit only; everyone else in the tenant sees all units. */
export function isUnitVisible(actor: Actor, unit: Unit): boolean {
  return actor.role !== 'unit' || actor.unitId === unit.unitId
}

/** The tenant's units, or one group's, as far as the actor may see them. */
export async function listUnits(options: {
  deps: Pick<Services, 'org'>
  actor: Actor
  input: { groupId?: string | undefined }
}): Promise<Unit[]> {
  const { deps, actor } = options
  assertRole({ actor, roles: readOrgRoles })
  const units = await deps.org.listUnits({ tenantId: actor.tenantId, groupId: options.input.groupId })
  return units.filter((unit) => isUnitVisible(actor, unit))
}
