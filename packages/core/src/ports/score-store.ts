import type { AuditEntry } from '../audit/audit-entry'
import type { ScoreEntry } from '../evaluations/score-entry'

export interface ScoreImportRecord {
  importId: string
  fileName: string
  entryCount: number
  importedAt: string
  importedBy: string
}

/** The scores (inputs) of evaluations, and the imports that brought them. */
export interface ScoreStore {
  /**
   * Writes one score. `expectedVersion` undefined means "create": it fails if the entry exists;
   * otherwise the stored version must match. A conflict carries the current entry in `details.current`.
   */
  putScore(options: {
    tenantId: string
    evaluationId: string
    entry: ScoreEntry
    expectedVersion: number | undefined
    audit: AuditEntry
  }): Promise<void>
  getScore(options: {
    tenantId: string
    evaluationId: string
    entryId: string
  }): Promise<ScoreEntry | undefined>
  listScores(options: { tenantId: string; evaluationId: string }): Promise<ScoreEntry[]>
  /**
   * Applies an import all or nothing. Returns `alreadyApplied: true` without writing when an import
   * with this id (a hash of its content and target) was applied before.
   */
  applyImport(options: {
    tenantId: string
    evaluationId: string
    record: ScoreImportRecord
    entries: ScoreEntry[]
    audit: AuditEntry
  }): Promise<{ alreadyApplied: boolean }>
}
