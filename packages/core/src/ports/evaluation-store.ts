import type { AuditEntry } from '../audit/audit-entry'
import type { Evaluation } from '../evaluations/evaluation'
import type { ScoreEntry } from '../evaluations/score-entry'

/** A published group result: opaque to the store, produced by the scoring engine. */
export interface ResultSnapshot {
  groupId: string
  revision: number
  computedAt: string
  body: unknown
}

export interface ScoreImportRecord {
  importId: string
  fileName: string
  entryCount: number
  importedAt: string
  importedBy: string
}

/**
 * Evaluations with their scores, published results and audit trail. Every change that matters is
 * written together with its audit entry, in one transaction.
 */
export interface EvaluationStore {
  createEvaluation(options: { tenantId: string; evaluation: Evaluation; audit: AuditEntry }): Promise<void>
  getEvaluation(options: { tenantId: string; evaluationId: string }): Promise<Evaluation | undefined>
  listEvaluations(options: { tenantId: string }): Promise<Evaluation[]>
  /**
   * Replaces the evaluation if its stored version is `expectedVersion` (ConflictError otherwise),
   * storing `results` (the snapshot of a publication) in the same transaction.
   */
  updateEvaluation(options: {
    tenantId: string
    evaluation: Evaluation
    expectedVersion: number
    audit: AuditEntry
    results?: ResultSnapshot[]
  }): Promise<void>
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
  getResults(options: { tenantId: string; evaluationId: string; revision: number }): Promise<ResultSnapshot[]>
  listAudit(options: {
    tenantId: string
    evaluationId?: string | undefined
    limit?: number
  }): Promise<AuditEntry[]>
}
