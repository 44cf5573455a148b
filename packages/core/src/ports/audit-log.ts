import type { AuditEntry } from '../audit/audit-entry'

/**
 * The audit trail of a tenant. Store writes add their entry to their own transaction (every write
 * method takes `audit`); `append` is for changes made outside the table (a password reset at the
 * identity provider).
 */
export interface AuditLog {
  append(options: { tenantId: string; audit: AuditEntry }): Promise<void>
  /**
   * Newest first: the tenant's whole trail, one evaluation's (`evaluationId`), or one entity's
   * (`entity`: e.g. `{ entityType: 'unit', entityId: 'xinmi' }`).
   */
  listAudit(options: {
    tenantId: string
    evaluationId?: string | undefined
    entity?: { entityType: string; entityId: string } | undefined
    limit?: number | undefined
  }): Promise<AuditEntry[]>
}
