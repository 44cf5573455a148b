import type { AuditEntry } from '../audit/audit-entry'
import type { ScoreEntry } from '../evaluations/score-entry'

export interface ScoreImportRecord {
  importId: string
  fileName: string
  entryCount: number
  importedAt: string
  importedBy: string
}

/** An import that began and has not finished: its writes are not visible until it does. */
export interface PendingImport {
  importId: string
  startedAt: string
  /** Until when the importer holds it; past this, the next access undoes it. */
  leaseUntil: string
}

/**
 * The scores (inputs) of evaluations, and the imports that brought them.
 *
 * Every write is conditioned on the evaluation being a draft at `evaluationVersion` (a write that
 * began before the evaluation was submitted or published cannot land after it) and on no import
 * being pending. An import is all or nothing even across a crash: it is pending while its chunks
 * are written (with the before-images of each chunk), readers see none of it until it completes,
 * and an import whose importer died is undone by {@link ScoreStore.settlePendingImport}.
 */
export interface ScoreStore {
  /**
   * Writes one score. `expectedVersion` undefined means "create": it fails if the entry exists;
   * otherwise the stored version must match. A conflict carries the current entry in `details.current`;
   * an evaluation no longer a draft at `evaluationVersion`, or a pending import, is a ConflictError too.
   */
  putScore(options: {
    tenantId: string
    evaluationId: string
    evaluationVersion: number
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
    evaluationVersion: number
    record: ScoreImportRecord
    entries: ScoreEntry[]
    audit: AuditEntry
  }): Promise<{ alreadyApplied: boolean }>
  /** The import of the evaluation that is under way (or was cut off), if any. */
  getPendingImport(options: { tenantId: string; evaluationId: string }): Promise<PendingImport | undefined>
  /**
   * Undoes a pending import whose lease has run out (its importer crashed or timed out), putting
   * back every score it wrote. Answers what is pending afterwards: nothing, or a live import.
   */
  settlePendingImport(options: {
    tenantId: string
    evaluationId: string
  }): Promise<{ rolledBack: string | undefined; pending: PendingImport | undefined }>
}
