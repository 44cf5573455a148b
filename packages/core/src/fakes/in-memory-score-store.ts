import type { AuditEntry } from '../audit/audit-entry'
import { ConflictError } from '../errors'
import type { Evaluation } from '../evaluations/evaluation'
import { type ScoreEntry, ScoreEntrySchema, scoreEntryId } from '../evaluations/score-entry'
import type { PendingImport, ScoreImportRecord, ScoreStore } from '../ports/score-store'
import { compareCodeUnits } from './compare-code-units'
import { InMemoryAuditLog } from './in-memory-audit-log'

/**
 * The in-memory ScoreStore: same conflicts and idempotency as the real one, and the same condition
 * on the evaluation (a draft at the version the writer read), which it reads from the in-memory
 * EvaluationStore it is wired to. Its imports apply in one step, so none is ever pending.
 */
export class InMemoryScoreStore implements ScoreStore {
  readonly #scores = new Map<string, ScoreEntry>()
  readonly #imports = new Set<string>()
  readonly #audit: InMemoryAuditLog
  readonly #evaluationOf: (tenantId: string, evaluationId: string) => Evaluation | undefined

  constructor(options: {
    audit?: InMemoryAuditLog
    evaluationOf: (tenantId: string, evaluationId: string) => Evaluation | undefined
  }) {
    this.#audit = options.audit ?? new InMemoryAuditLog()
    this.#evaluationOf = options.evaluationOf
  }

  /** The table's condition on the evaluation item: a draft, at the version the writer read. */
  #assertDraft(options: { tenantId: string; evaluationId: string; evaluationVersion: number }): void {
    const evaluation = this.#evaluationOf(options.tenantId, options.evaluationId)
    if (evaluation?.status !== 'draft' || evaluation.version !== options.evaluationVersion) {
      throw new ConflictError({
        message: '评估已提交审核、已发布或已被修改，分数未保存',
        details: { status: evaluation?.status ?? null, version: evaluation?.version ?? null },
      })
    }
  }

  async putScore(options: {
    tenantId: string
    evaluationId: string
    evaluationVersion: number
    entry: ScoreEntry
    expectedVersion: number | undefined
    audit: AuditEntry
  }): Promise<void> {
    const entry = ScoreEntrySchema.parse(options.entry)
    const key = `${options.tenantId}/${options.evaluationId}/${scoreEntryId(entry)}`
    const current = this.#scores.get(key)
    const isStale =
      options.expectedVersion === undefined
        ? current !== undefined
        : current?.version !== options.expectedVersion
    if (isStale) {
      throw new ConflictError({
        message: '该分数已被他人修改，请以当前值为准后重试',
        details: { current: current ? structuredClone(current) : null },
      })
    }
    this.#assertDraft(options)
    this.#scores.set(key, structuredClone(entry))
    this.#audit.record(options)
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
    // In entry-id order, as the table's keys sort.
    return [...this.#scores]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => compareCodeUnits(a, b))
      .map(([, entry]) => structuredClone(entry))
  }

  async applyImport(options: {
    tenantId: string
    evaluationId: string
    evaluationVersion: number
    record: ScoreImportRecord
    entries: ScoreEntry[]
    audit: AuditEntry
  }): Promise<{ alreadyApplied: boolean }> {
    const importKey = `${options.tenantId}/${options.evaluationId}/${options.record.importId}`
    if (this.#imports.has(importKey)) return { alreadyApplied: true }
    this.#assertDraft(options)
    const parsed = options.entries.map((entry) => ScoreEntrySchema.parse(entry))
    // The table refuses an import that writes one entry twice (the second write's guard fails).
    if (new Set(parsed.map(scoreEntryId)).size !== parsed.length) {
      throw new ConflictError({
        message: '导入中同一分数出现多次，导入未生效',
        details: { importId: options.record.importId },
      })
    }
    for (const entry of parsed) {
      const key = `${options.tenantId}/${options.evaluationId}/${scoreEntryId(entry)}`
      const version = (this.#scores.get(key)?.version ?? 0) + 1
      this.#scores.set(key, { ...structuredClone(entry), version })
    }
    this.#imports.add(importKey)
    this.#audit.record(options)
    return { alreadyApplied: false }
  }

  async getPendingImport(): Promise<PendingImport | undefined> {
    return undefined
  }

  async settlePendingImport(): Promise<{
    rolledBack: string | undefined
    pending: PendingImport | undefined
  }> {
    return { rolledBack: undefined, pending: undefined }
  }
}
