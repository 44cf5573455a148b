import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import {
  type AuditEntry,
  ConflictError,
  type PendingImport,
  type ScoreEntry,
  ScoreEntrySchema,
  type ScoreImportRecord,
  type ScoreStore,
  scoreEntryId,
} from '@pingce/core'
import { draftCondition, noPendingImport } from './draft-condition'
import { auditPut, type TransactItem } from './evaluation-items'
import { asConflict, failedConditions } from './is-condition-failure'
import { tenantKeys } from './keys'
import { type BeforeImage, PendingImportLog, type ScoreItem } from './pending-import-log'
import { withoutKeys } from './query-all'
import { type TenantTableOptions, TenantTableStore } from './tenant-table-store'
import { versionGuard } from './version-guard'

/** DynamoDB's limit of items in one transaction. */
const maxTransactItems = 100
/** Room left in a chunk's transaction for its undo item, the lease renewal and the draft condition. */
const scoresPerChunk = maxTransactItems - 3

const evaluationChanged = () =>
  new ConflictError({
    message: '评估已提交审核、已发布或已被修改，分数未保存',
    details: { reason: 'evaluation' },
  })
const importUnderWay = (pending: PendingImport | undefined) =>
  new ConflictError({
    message: '该评估正在导入分数，请稍后再试',
    details: { reason: 'import-pending', ...(pending ? { pending } : {}) },
  })

/**
 * Scores of an evaluation (`EVAL#<id>#SCORE#<entry>`), the import records that make imports
 * idempotent, and the pending-import protocol that makes an import all or nothing across crashes:
 *
 * 1. the import claims `EVAL#<id>#PENDING` (conditioned on the evaluation being a draft at the
 *    version read, and on no other import pending);
 * 2. each chunk of up to 97 scores is one transaction with its undo item (the chunk's before-images),
 *    a renewal of the claim's lease and the draft condition;
 * 3. the last transaction writes the import record and the audit entry and deletes the claim.
 *
 * While the claim exists, single score writes and status changes are refused, and readers are shown
 * the before-images (none of the import). If the importer dies, the claim's lease runs out and the
 * next access ({@link settlePendingImport}) puts every before-image back and deletes the claim.
 */
export class DynamoScoreStore extends TenantTableStore implements ScoreStore {
  readonly #pending: PendingImportLog

  constructor(
    options: TenantTableOptions & {
      /** How long an importer holds its claim without renewing it (each chunk renews it). */
      importLeaseMs?: number
      now?: () => number
    },
  ) {
    super(options)
    this.#pending = new PendingImportLog({
      ...options,
      leaseMs: options.importLeaseMs ?? 60_000,
      now: options.now ?? Date.now,
    })
  }

  #item(tenantId: string, evaluationId: string, entry: ScoreEntry): ScoreItem {
    const entryId = scoreEntryId(entry)
    return { ...tenantKeys.score(tenantId, evaluationId, entryId), type: 'Score', entryId, ...entry }
  }

  async putScore(options: {
    tenantId: string
    evaluationId: string
    evaluationVersion: number
    entry: ScoreEntry
    expectedVersion: number | undefined
    audit: AuditEntry
  }): Promise<void> {
    const { tenantId, evaluationId, expectedVersion, audit } = options
    const valid = ScoreEntrySchema.parse(options.entry)
    const tableName = this.tableName
    const { evaluationVersion } = options
    try {
      await this.transact(tenantId, [
        {
          Put: {
            TableName: tableName,
            Item: this.#item(tenantId, evaluationId, valid),
            ...versionGuard(expectedVersion),
          },
        },
        auditPut({ tenantId, tableName, audit }),
        draftCondition({ tableName, tenantId, evaluationId, evaluationVersion }),
        noPendingImport({ tableName, tenantId, evaluationId }),
      ])
    } catch (error) {
      // The most telling reason first: an import under way, then the evaluation, then the score.
      const failed = failedConditions(error)
      if (failed.has(3)) throw importUnderWay(await this.getPendingImport({ tenantId, evaluationId }))
      if (failed.has(2)) throw evaluationChanged()
      if (failed.has(0)) {
        const current = await this.getScore({ tenantId, evaluationId, entryId: scoreEntryId(valid) })
        throw new ConflictError({
          message: '该分数已被他人修改，请以当前值为准后重试',
          details: { current: current ?? null },
        })
      }
      throw asConflict(error)
    }
  }

  async getScore(options: {
    tenantId: string
    evaluationId: string
    entryId: string
  }): Promise<ScoreEntry | undefined> {
    const { tenantId, evaluationId, entryId } = options
    const { doc } = await this.clients.forTenant(tenantId)
    const result = await doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: tenantKeys.score(tenantId, evaluationId, entryId),
        ConsistentRead: true,
      }),
    )
    const pending = await this.#pending.get({ tenantId, evaluationId })
    if (pending) {
      const image = (
        await this.#pending.beforeImages({ tenantId, evaluationId, importId: pending.importId })
      ).find((candidate) => candidate.key.sk === tenantKeys.score(tenantId, evaluationId, entryId).sk)
      if (image) return image.before ? this.#entryOf(image.before) : undefined
    }
    return result.Item ? this.#entryOf(result.Item) : undefined
  }

  #entryOf(item: Record<string, unknown>): ScoreEntry {
    const { entryId, ...rest } = withoutKeys(item)
    return ScoreEntrySchema.parse(rest)
  }

  /** The scores as stored, without regard to a pending import. */
  async #storedScores(tenantId: string, evaluationId: string): Promise<ScoreItem[]> {
    return (await this.queryPrefix({ tenantId, prefix: tenantKeys.scorePrefix(evaluationId) })) as ScoreItem[]
  }

  async listScores(options: { tenantId: string; evaluationId: string }): Promise<ScoreEntry[]> {
    const { tenantId, evaluationId } = options
    const [stored, pending] = await Promise.all([
      this.#storedScores(tenantId, evaluationId),
      this.#pending.get({ tenantId, evaluationId }),
    ])
    if (!pending) return stored.map((item) => this.#entryOf(item))
    // An import under way (or cut off) shows none of itself: its before-images stand in.
    const images = await this.#pending.beforeImages({ tenantId, evaluationId, importId: pending.importId })
    const bySk = new Map(stored.map((item) => [String(item.sk), item as ScoreItem | undefined]))
    for (const image of images) bySk.set(image.key.sk ?? '', image.before)
    return [...bySk.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([, item]) => (item ? [this.#entryOf(item)] : []))
  }

  getPendingImport(options: { tenantId: string; evaluationId: string }): Promise<PendingImport | undefined> {
    return this.#pending.get(options)
  }

  settlePendingImport(options: {
    tenantId: string
    evaluationId: string
  }): Promise<{ rolledBack: string | undefined; pending: PendingImport | undefined }> {
    return this.#pending.settle(options)
  }

  async applyImport(options: {
    tenantId: string
    evaluationId: string
    evaluationVersion: number
    record: ScoreImportRecord
    entries: ScoreEntry[]
    audit: AuditEntry
  }): Promise<{ alreadyApplied: boolean }> {
    const { tenantId, evaluationId, evaluationVersion, record, audit } = options
    const { doc } = await this.clients.forTenant(tenantId)
    const tableName = this.tableName
    const recordKey = tenantKeys.scoreImport(tenantId, evaluationId, record.importId)
    const existing = await doc.send(
      new GetCommand({ TableName: tableName, Key: recordKey, ConsistentRead: true }),
    )
    if (existing.Item) return { alreadyApplied: true }
    const settled = await this.settlePendingImport({ tenantId, evaluationId })
    if (settled.pending) throw importUnderWay(settled.pending)

    const entries = options.entries.map((entry) => ScoreEntrySchema.parse(entry))
    if (new Set(entries.map(scoreEntryId)).size !== entries.length) {
      throw new ConflictError({
        message: '导入中同一分数出现多次，导入未生效',
        details: { importId: record.importId },
      })
    }
    const current = new Map(
      (await this.#storedScores(tenantId, evaluationId)).map((item) => [String(item.sk), item]),
    )
    const writes = entries.map((entry) => {
      const key = tenantKeys.score(tenantId, evaluationId, scoreEntryId(entry))
      const before = current.get(key.sk)
      const item = this.#item(tenantId, evaluationId, { ...entry, version: (before?.version ?? 0) + 1 })
      return { key, item, before }
    })
    const draft = draftCondition({ tableName, tenantId, evaluationId, evaluationVersion })
    const importing = { tenantId, evaluationId, importId: record.importId }
    try {
      await this.transact(tenantId, [this.#pending.claim(importing), draft])
    } catch (error) {
      const failed = failedConditions(error)
      if (failed.has(0)) throw importUnderWay(await this.#pending.get({ tenantId, evaluationId }))
      if (failed.has(1)) throw evaluationChanged()
      throw asConflict(error)
    }
    try {
      for (let start = 0, chunk = 1; start < writes.length; start += scoresPerChunk, chunk += 1) {
        const part = writes.slice(start, start + scoresPerChunk)
        const images: BeforeImage[] = part.map((write) => ({
          key: write.key,
          before: write.before,
          afterVersion: write.item.version,
        }))
        await this.transact(tenantId, [
          ...part.map(
            (write): TransactItem => ({
              Put: { TableName: tableName, Item: write.item, ...versionGuard(write.before?.version) },
            }),
          ),
          ...this.#pending.chunk({ ...importing, chunk, images }),
          draft,
        ])
      }
      // The import record, its audit entry and the claim's deletion: the import is complete.
      await this.transact(tenantId, [
        {
          Put: {
            TableName: tableName,
            Item: { ...recordKey, type: 'ScoreImport', ...record },
            ...versionGuard(undefined),
          },
        },
        auditPut({ tenantId, tableName, audit }),
        this.#pending.release(importing),
        draft,
      ])
    } catch (error) {
      await this.#pending.rollBack(importing)
      if (error instanceof TransactionCanceledException) {
        throw new ConflictError({
          message: '导入期间分数被他人修改，导入未生效，请重试',
          details: { importId: record.importId },
        })
      }
      throw error
    }
    await this.#pending.clear(importing)
    return { alreadyApplied: false }
  }
}
