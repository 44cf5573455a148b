import { type Actor, assertRole, parseInput, type UnitGroup, UnitGroupSchema } from '@pingce/core'
import { auditEntryOf } from '../audit/audit-entry-of'
import type { Services } from '../services'
import type { GroupBody } from './org-schemas'

export const editOrgRoles = ['admin'] as const

/** Creates or replaces a unit group (分组), audited with what it was before. */
export async function putGroup(options: {
  deps: Pick<Services, 'org' | 'clock' | 'newId'>
  actor: Actor
  input: GroupBody & { groupId: string }
}): Promise<UnitGroup> {
  const { deps, actor } = options
  assertRole({ actor, roles: editOrgRoles })
  const group = parseInput({ schema: UnitGroupSchema, value: options.input, message: '分组数据有误' })
  const before = await deps.org.getGroup({ tenantId: actor.tenantId, groupId: group.groupId })
  await deps.org.putGroup({
    tenantId: actor.tenantId,
    group,
    audit: auditEntryOf({
      actor,
      at: deps.clock().toISOString(),
      newId: deps.newId,
      action: before ? 'group.update' : 'group.create',
      entityType: 'group',
      entityId: group.groupId,
      before: before ?? null,
      after: group,
    }),
  })
  return group
}
