import type { AuditEntry } from '../audit/audit-entry'
import { ConflictError } from '../errors'
import type { Evaluation } from '../evaluations/evaluation'
import { type ScoreEntry, scoreEntryId } from '../evaluations/score-entry'
import type { EvaluationStore, ResultSnapshot, ScoreImportRecord } from '../ports/evaluation-store'

/** The in-memory EvaluationStore for unit tests: same conflicts and idempotency as the real one. */
export class InMemoryEvaluationStore implements EvaluationStore {
  readonly #evaluations = new Map<string, Evaluation>()
  readonly #scores = new Map<string, ScoreEntry>()
  readonly #imports = new Set<string>()
  readonly #results = new Map<string, ResultSnapshot>()
  readonly #audit: (AuditEntry & { tenantId: string })[] = []

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
    this.#evaluations.set(key, structuredClone(options.evaluation))
    this.#audit.push({ ...options.audit, tenantId: options.tenantId })
  }

  async getEvaluation(options: { tenantId: string; evaluationId: string }): Promise<Evaluation | undefined> {
    return structuredClone(this.#evaluations.get(`${options.tenantId}/${options.evaluationId}`))
  }

  async listEvaluations({ tenantId }: { tenantId: string }): Promise<Evaluation[]> {
    return [...this.#evaluations]
      .filter(([key]) => key.startsWith(`${tenantId}/`))
      .map(([, evaluation]) => structuredClone(evaluation))
  }

  async updateEvaluation(options: {
    tenantId: string
    evaluation: Evaluation
    expectedVersion: number
    audit: AuditEntry
    results?: ResultSnapshot[]
  }): Promise<void> {
    const key = `${options.tenantId}/${options.evaluation.evaluationId}`
    const current = this.#evaluations.get(key)
    const resultKeys = (options.results ?? []).map((result) => `${key}/${result.revision}/${result.groupId}`)
    if (current?.version !== options.expectedVersion || resultKeys.some((k) => this.#results.has(k))) {
      throw new ConflictError({ message: '评估已被他人修改，请刷新后重试', details: { current } })
    }
    this.#evaluations.set(key, structuredClone(options.evaluation))
    ;(options.results ?? []).forEach((result, index) => {
      this.#results.set(resultKeys[index] ?? '', structuredClone(result))
    })
    this.#audit.push({ ...options.audit, tenantId: options.tenantId })
  }

  async putScore(options: {
    tenantId: string
    evaluationId: string
    entry: ScoreEntry
    expectedVersion: number | undefined
    audit: AuditEntry
  }): Promise<void> {
    const key = `${options.tenantId}/${options.evaluationId}/${scoreEntryId(options.entry)}`
    const current = this.#scores.get(key)
    if (
      options.expectedVersion === undefined
        ? current !== undefined
        : current?.version !== options.expectedVersion
    ) {
      throw new ConflictError({ message: '该分数已被他人修改', details: { current: current ?? null } })
    }
    this.#scores.set(key, structuredClone(options.entry))
    this.#audit.push({ ...options.audit, tenantId: options.tenantId })
  }

  async getScore(options: {
    tenantId: string
    evaluationId: string
    entryId: string
  }): Promise<ScoreEntry | undefined> {
    return structuredClone(this.#scores.get(`${options.tenantId}/${options.evaluationId}/${options.entryId}`))
  }

  async listScores(options: { tenantId: string; evaluationId: string }): Promise<ScoreEntry[]> {
    const prefix = `${options.tenantId}/${options.evaluationId}/`
    return [...this.#scores]
      .filter(([key]) => key.startsWith(prefix))
      .map(([, entry]) => structuredClone(entry))
  }

  async applyImport(options: {
    tenantId: string
    evaluationId: string
    record: ScoreImportRecord
    entries: ScoreEntry[]
    audit: AuditEntry
  }): Promise<{ alreadyApplied: boolean }> {
    const importKey = `${options.tenantId}/${options.evaluationId}/${options.record.importId}`
    if (this.#imports.has(importKey)) return { alreadyApplied: true }
    for (const entry of options.entries) {
      const key = `${options.tenantId}/${options.evaluationId}/${scoreEntryId(entry)}`
      const version = (this.#scores.get(key)?.version ?? 0) + 1
      this.#scores.set(key, { ...structuredClone(entry), version })
    }
    this.#imports.add(importKey)
    this.#audit.push({ ...options.audit, tenantId: options.tenantId })
    return { alreadyApplied: false }
  }

  async getResults(options: {
    tenantId: string
    evaluationId: string
    revision: number
  }): Promise<ResultSnapshot[]> {
    const prefix = `${options.tenantId}/${options.evaluationId}/${options.revision}/`
    return [...this.#results]
      .filter(([key]) => key.startsWith(prefix))
      .map(([, result]) => structuredClone(result))
  }

  async listAudit(options: {
    tenantId: string
    evaluationId?: string | undefined
    limit?: number
  }): Promise<AuditEntry[]> {
    return this.#audit
      .filter(
        (entry) =>
          entry.tenantId === options.tenantId &&
          (!options.evaluationId || entry.evaluationId === options.evaluationId),
      )
      .map(({ tenantId, ...entry }) => structuredClone(entry))
      .reverse()
      .slice(0, options.limit ?? 200)
  }
}
