import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import {
  type AuditEntry,
  ConflictError,
  type ScoreEntry,
  ScoreEntrySchema,
  type ScoreImportRecord,
  type ScoreStore,
  scoreEntryId,
} from '@pingce/core'
import { auditPut, type TransactItem } from './evaluation-items'
import { isConditionFailure } from './is-condition-failure'
import { tenantKeys, tenantPartition } from './keys'
import { queryAll, withoutKeys } from './query-all'
import type { TenantScopedClients } from './tenant-scoped-clients'
import { versionGuard } from './version-guard'
import { writeAllOrNothing } from './write-all-or-nothing'

/** Scores of an evaluation (`EVAL#<id>#SCORE#<entry>`) and the import records that make imports idempotent. */
export class DynamoScoreStore implements ScoreStore {
  readonly #clients: TenantScopedClients
  readonly #tableName: string

  constructor(options: { clients: TenantScopedClients; tableName: string }) {
    this.#clients = options.clients
    this.#tableName = options.tableName
  }

  #item(
    tenantId: string,
    evaluationId: string,
    entry: ScoreEntry,
  ): Record<string, unknown> & { version: number } {
    const entryId = scoreEntryId(entry)
    return { ...tenantKeys.score(tenantId, evaluationId, entryId), type: 'Score', entryId, ...entry }
  }

  async putScore(options: {
    tenantId: string
    evaluationId: string
    entry: ScoreEntry
    expectedVersion: number | undefined
    audit: AuditEntry
  }): Promise<void> {
    const { tenantId, evaluationId, expectedVersion, audit } = options
    const valid = ScoreEntrySchema.parse(options.entry)
    const { doc } = await this.#clients.forTenant(tenantId)
    try {
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.#tableName,
                Item: this.#item(tenantId, evaluationId, valid),
                ...versionGuard(expectedVersion),
              },
            },
            auditPut({ tenantId, tableName: this.#tableName, audit }),
          ],
        }),
      )
    } catch (error) {
      if (isConditionFailure(error, 0)) {
        const current = await this.getScore({ tenantId, evaluationId, entryId: scoreEntryId(valid) })
        throw new ConflictError({
          message: '该分数已被他人修改，请以当前值为准后重试',
          details: { current: current ?? null },
        })
      }
      throw error
    }
  }

  async getScore(options: {
    tenantId: string
    evaluationId: string
    entryId: string
  }): Promise<ScoreEntry | undefined> {
    const { doc } = await this.#clients.forTenant(options.tenantId)
    const result = await doc.send(
      new GetCommand({
        TableName: this.#tableName,
        Key: tenantKeys.score(options.tenantId, options.evaluationId, options.entryId),
        ConsistentRead: true,
      }),
    )
    if (!result.Item) return undefined
    const { entryId, ...rest } = withoutKeys(result.Item)
    return ScoreEntrySchema.parse(rest)
  }

  async listScores(options: { tenantId: string; evaluationId: string }): Promise<ScoreEntry[]> {
    const { doc } = await this.#clients.forTenant(options.tenantId)
    const items = await queryAll({
      doc,
      input: {
        TableName: this.#tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': tenantPartition(options.tenantId),
          ':prefix': tenantKeys.scorePrefix(options.evaluationId),
        },
        ConsistentRead: true,
      },
    })
    return items.map((item) => {
      const { entryId, ...rest } = withoutKeys(item)
      return ScoreEntrySchema.parse(rest)
    })
  }

  async applyImport(options: {
    tenantId: string
    evaluationId: string
    record: ScoreImportRecord
    entries: ScoreEntry[]
    audit: AuditEntry
  }): Promise<{ alreadyApplied: boolean }> {
    const { tenantId, evaluationId, record, entries, audit } = options
    const { doc } = await this.#clients.forTenant(tenantId)
    const recordKey = tenantKeys.scoreImport(tenantId, evaluationId, record.importId)
    const existing = await doc.send(
      new GetCommand({ TableName: this.#tableName, Key: recordKey, ConsistentRead: true }),
    )
    if (existing.Item) return { alreadyApplied: true }

    const current = new Map(
      (await this.listScores({ tenantId, evaluationId })).map((e) => [scoreEntryId(e), e]),
    )
    const writes = entries.map((entry) => {
      const entryId = scoreEntryId(entry)
      const before = current.get(entryId)
      const after = ScoreEntrySchema.parse({ ...entry, version: (before?.version ?? 0) + 1 })
      return {
        key: tenantKeys.score(tenantId, evaluationId, entryId),
        item: this.#item(tenantId, evaluationId, after),
        before: before ? this.#item(tenantId, evaluationId, before) : undefined,
      }
    })
    // The import record and its audit entry go last: their presence means the import completed.
    const finalItems: TransactItem[] = [
      {
        Put: {
          TableName: this.#tableName,
          Item: { ...recordKey, type: 'ScoreImport', ...record },
          ...versionGuard(undefined),
        },
      },
      auditPut({ tenantId, tableName: this.#tableName, audit }),
    ]
    try {
      await writeAllOrNothing({ doc, tableName: this.#tableName, writes, finalItems })
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw new ConflictError({
          message: '导入期间分数被他人修改，导入未生效，请重试',
          details: { importId: record.importId },
        })
      }
      throw error
    }
    return { alreadyApplied: false }
  }
}
