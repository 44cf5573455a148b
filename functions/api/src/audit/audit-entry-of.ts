import type { Actor, AuditEntry, IdSource } from '@pingce/core'

/** An audit entry for a change the actor makes now: who comes from the actor, when from the caller. */
export function auditEntryOf(options: {
  actor: Pick<Actor, 'userId' | 'role'>
  at: string
  newId: IdSource
  action: string
  entityType: string
  entityId: string
  evaluationId?: string | undefined
  before?: unknown
  after?: unknown
  reason?: string | undefined
}): AuditEntry {
  const { actor, at, newId, reason, evaluationId, ...change } = options
  return {
    auditId: newId(),
    at,
    actorId: actor.userId,
    actorRole: actor.role,
    ...change,
    ...(evaluationId ? { evaluationId } : {}),
    ...(reason ? { reason } : {}),
  }
}
