import type { AuditEntry, AuthContext } from '@pingce/core'

/** An audit entry for a change the caller makes now: who and when come from the request. */
export function auditEntryOf(options: {
  auth: AuthContext
  at: string
  newId: () => string
  action: string
  entityType: string
  entityId: string
  evaluationId?: string | undefined
  before?: unknown
  after?: unknown
  reason?: string | undefined
}): AuditEntry {
  const { auth, at, newId, reason, ...change } = options
  return {
    auditId: newId(),
    at,
    actorId: auth.userId,
    actorRole: auth.role,
    ...change,
    ...(reason ? { reason } : {}),
  }
}
