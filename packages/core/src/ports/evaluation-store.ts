import type { AuditEntry } from '../audit/audit-entry'
import type { Evaluation } from '../evaluations/evaluation'
import type { PublishedSnapshot } from '../results/published-group'

/** Evaluations (评估): created, read, and moved through their lifecycle. */
export interface EvaluationStore {
  /** ConflictError naming `evaluationId` when the id is taken. */
  createEvaluation(options: { tenantId: string; evaluation: Evaluation; audit: AuditEntry }): Promise<void>
  getEvaluation(options: { tenantId: string; evaluationId: string }): Promise<Evaluation | undefined>
  /** In period order. */
  listEvaluations(options: { tenantId: string }): Promise<Evaluation[]>
  /**
   * Replaces the evaluation if its stored version is `expectedVersion` (ConflictError otherwise,
   * with the current evaluation in `details.current`). A publication passes its result snapshots,
   * written in the same transaction and never over an existing revision.
   */
  updateEvaluation(options: {
    tenantId: string
    evaluation: Evaluation
    expectedVersion: number
    audit: AuditEntry
    publication?: PublishedSnapshot[] | undefined
  }): Promise<void>
}
