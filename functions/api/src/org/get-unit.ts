import { type Actor, assertRole, NotFoundError, type Unit } from '@pingce/core'
import type { Services } from '../services'
import { readOrgRoles } from './list-groups'
import { isUnitVisible } from './list-units'

/** One unit; another unit's id is simply not found for a unit user. */
export async function getUnit(options: {
  deps: Pick<Services, 'org'>
  actor: Actor
  input: { unitId: string }
}): Promise<Unit> {
  const { deps, actor } = options
  assertRole({ actor, roles: readOrgRoles })
  const unit = await deps.org.getUnit({ tenantId: actor.tenantId, unitId: options.input.unitId })
  if (!unit || !isUnitVisible(actor, unit)) throw new NotFoundError({ message: '未找到该评估对象' })
  return unit
}
