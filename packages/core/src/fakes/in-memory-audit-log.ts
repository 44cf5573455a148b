import { type AuditEntry, AuditEntrySchema } from '../audit/audit-entry'
import type { AuditLog } from '../ports/audit-log'
import { compareCodeUnits } from './compare-code-units'

/** The in-memory AuditLog; the other fakes write their entries here as part of their change. */
export class InMemoryAuditLog implements AuditLog {
  readonly #entries: (AuditEntry & { tenantId: string })[] = []

  /** What a fake store calls when its change is applied (the fakes' stand-in for a transaction). */
  record(options: { tenantId: string; audit: AuditEntry }): void {
    this.#entries.push({
      ...AuditEntrySchema.parse(structuredClone(options.audit)),
      tenantId: options.tenantId,
    })
  }

  async append(options: { tenantId: string; audit: AuditEntry }): Promise<void> {
    this.record(options)
  }

  async listAudit(options: {
    tenantId: string
    evaluationId?: string | undefined
    entity?: { entityType: string; entityId: string } | undefined
    limit?: number | undefined
  }): Promise<AuditEntry[]> {
    const { entity } = options
    // Newest first by `<at>#<auditId>`, as the table's keys sort (one instant: the greatest id first).
    const sortKey = (entry: AuditEntry) => `${entry.at}#${entry.auditId}`
    return this.#entries
      .filter(
        (entry) =>
          entry.tenantId === options.tenantId &&
          (!options.evaluationId || entry.evaluationId === options.evaluationId) &&
          (!entity || (entry.entityType === entity.entityType && entry.entityId === entity.entityId)),
      )
      .sort((a, b) => compareCodeUnits(sortKey(b), sortKey(a)))
      .map(({ tenantId, ...entry }) => structuredClone(entry))
      .slice(0, options.limit ?? 200)
  }
}
