import type { AuditEntry } from '../audit/audit-entry'
import { ConflictError } from '../errors'
import { type Evaluation, EvaluationSchema } from '../evaluations/evaluation'
import { periodKey } from '../evaluations/period-key'
import type { EvaluationStore } from '../ports/evaluation-store'
import type { PublishedSnapshot } from '../results/published-group'
import { InMemoryAuditLog } from './in-memory-audit-log'
import { InMemoryResultStore } from './in-memory-result-store'

/** The in-memory EvaluationStore: same conflicts as the real one; publishes into its ResultStore. */
export class InMemoryEvaluationStore implements EvaluationStore {
  readonly #evaluations = new Map<string, Evaluation>()
  readonly #audit: InMemoryAuditLog
  readonly #results: InMemoryResultStore

  constructor(options: { audit?: InMemoryAuditLog; results?: InMemoryResultStore } = {}) {
    this.#audit = options.audit ?? new InMemoryAuditLog()
    this.#results = options.results ?? new InMemoryResultStore()
  }

  async createEvaluation(options: {
    tenantId: string
    evaluation: Evaluation
    audit: AuditEntry
  }): Promise<void> {
    const key = `${options.tenantId}/${options.evaluation.evaluationId}`
    if (this.#evaluations.has(key)) {
      throw new ConflictError({
        message: '该评估标识已存在',
        issues: [{ path: 'evaluationId', message: 'already exists' }],
      })
    }
    this.#evaluations.set(key, EvaluationSchema.parse(structuredClone(options.evaluation)))
    this.#audit.record(options)
  }

  /** The stored evaluation as it is now, for the fakes that condition on it (as the table's writes do). */
  peek(tenantId: string, evaluationId: string): Evaluation | undefined {
    return this.#evaluations.get(`${tenantId}/${evaluationId}`)
  }

  async getEvaluation(options: { tenantId: string; evaluationId: string }): Promise<Evaluation | undefined> {
    return structuredClone(this.#evaluations.get(`${options.tenantId}/${options.evaluationId}`))
  }

  async listEvaluations({ tenantId }: { tenantId: string }): Promise<Evaluation[]> {
    const sortKey = (evaluation: Evaluation) => `${periodKey(evaluation.period)}#${evaluation.evaluationId}`
    return [...this.#evaluations]
      .filter(([key]) => key.startsWith(`${tenantId}/`))
      .map(([, evaluation]) => structuredClone(evaluation))
      .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))
  }

  async updateEvaluation(options: {
    tenantId: string
    evaluation: Evaluation
    expectedVersion: number
    audit: AuditEntry
    publication?: PublishedSnapshot[] | undefined
  }): Promise<void> {
    const { tenantId } = options
    // Everything is parsed before anything is written, as the DynamoDB store builds its transaction.
    const evaluation = EvaluationSchema.parse(structuredClone(options.evaluation))
    const snapshots = this.#results.parse(options.publication ?? [])
    const key = `${tenantId}/${evaluation.evaluationId}`
    const current = this.#evaluations.get(key)
    const publication = { tenantId, evaluationId: evaluation.evaluationId, snapshots }
    // A published revision refuses like a stale version: one cancelled transaction in the table.
    if (current?.version !== options.expectedVersion || this.#results.isPublished(publication)) {
      throw new ConflictError({
        message: '评估已被他人修改，请刷新后重试',
        details: { current: structuredClone(current) },
      })
    }
    this.#evaluations.set(key, evaluation)
    this.#results.publish(publication)
    this.#audit.record(options)
  }
}
