import { type Actor, type AuditEntry, assertRole } from '@pingce/core'
import type { Services } from '../services'

export const readAuditRoles = ['admin', 'supervisor'] as const

/** The audit trail, newest first: the tenant's, one evaluation's, or one entity's (who, when, before, after). */
export async function listAudit(options: {
  deps: Pick<Services, 'audit'>
  actor: Actor
  input: {
    evaluationId?: string | undefined
    entityType?: string | undefined
    entityId?: string | undefined
    limit: number
  }
}): Promise<AuditEntry[]> {
  const { deps, actor, input } = options
  assertRole({ actor, roles: readAuditRoles })
  const entity =
    input.entityType && input.entityId
      ? { entityType: input.entityType, entityId: input.entityId }
      : undefined
  return deps.audit.listAudit({
    tenantId: actor.tenantId,
    evaluationId: input.evaluationId,
    entity,
    limit: input.limit,
  })
}
