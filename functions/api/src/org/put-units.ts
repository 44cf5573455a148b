import {
  type Actor,
  assertRole,
  maxUnitsPerWrite,
  type Unit,
  UnitSchema,
  ValidationError,
} from '@pingce/core'
import { auditEntryOf } from '../audit/audit-entry-of'
import type { Services } from '../services'
import { editOrgRoles } from './put-group'

/**
 * Creates or replaces units (评估对象): each must belong to an existing group; every unit gets
 * its own audit entry with what it was before. Written in chunks of {@link maxUnitsPerWrite}, each
 * all or nothing; nothing is written when any unit is invalid.
 */
export async function putUnits(options: {
  deps: Pick<Services, 'org' | 'clock' | 'newId'>
  actor: Actor
  input: { units: Unit[] }
}): Promise<Unit[]> {
  const { deps, actor } = options
  assertRole({ actor, roles: editOrgRoles })
  const { tenantId } = actor
  const units = options.input.units.map((unit) => UnitSchema.parse(unit))
  const groups = new Set((await deps.org.listGroups({ tenantId })).map((group) => group.groupId))
  const issues = units.flatMap((unit, index) =>
    groups.has(unit.groupId)
      ? []
      : [{ path: units.length === 1 ? 'groupId' : `units.${index}.groupId`, message: 'no such group' }],
  )
  if (issues.length > 0) throw new ValidationError({ message: '分组不存在', issues })
  const existing = new Map((await deps.org.listUnits({ tenantId })).map((unit) => [unit.unitId, unit]))
  const at = deps.clock().toISOString()
  for (let start = 0; start < units.length; start += maxUnitsPerWrite) {
    const chunk = units.slice(start, start + maxUnitsPerWrite)
    const audit = chunk.map((unit) => {
      const before = existing.get(unit.unitId)
      return auditEntryOf({
        actor,
        at,
        newId: deps.newId,
        action: before ? 'unit.update' : 'unit.create',
        entityType: 'unit',
        entityId: unit.unitId,
        before: before ?? null,
        after: unit,
      })
    })
    await deps.org.putUnits({ tenantId, units: chunk, audit })
  }
  return units
}
