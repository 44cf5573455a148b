import {
  type Actor,
  assertRole,
  maxUnitsPerWrite,
  parseInput,
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
  const isSingle = options.input.units.length === 1
  const pathOf = (index: number, field: string) => (isSingle ? field : `units.${index}.${field}`)
  const units = options.input.units.map((unit, index) =>
    parseInput({
      schema: UnitSchema,
      value: unit,
      message: '评估对象数据有误',
      prefix: isSingle ? '' : `units.${index}.`,
    }),
  )
  const groups = new Set((await deps.org.listGroups({ tenantId })).map((group) => group.groupId))
  const firstIndex = new Map<string, number>()
  const issues = units.flatMap((unit, index) => {
    const found = []
    if (!groups.has(unit.groupId)) found.push({ path: pathOf(index, 'groupId'), message: 'no such group' })
    const first = firstIndex.get(unit.unitId)
    if (first === undefined) firstIndex.set(unit.unitId, index)
    else found.push({ path: pathOf(index, 'unitId'), message: `duplicates units.${first}` })
    return found
  })
  if (issues.length > 0) throw new ValidationError({ message: '评估对象数据有误，未保存任何数据', issues })
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
