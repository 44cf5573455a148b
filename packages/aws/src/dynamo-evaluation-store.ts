import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import {
  type AuditEntry,
  AuditEntrySchema,
  ConflictError,
  type Evaluation,
  EvaluationSchema,
  type EvaluationStore,
  type ResultSnapshot,
  type ScoreEntry,
  ScoreEntrySchema,
  type ScoreImportRecord,
  scoreEntryId,
} from '@pingce/core'
import { auditPut, evaluationItem, resultOf, resultPut, type TransactItem } from './evaluation-items'
import { tenantKeys, tenantPartition } from './keys'
import { queryAll, withoutKeys } from './query-all'
import type { TenantScopedClients } from './tenant-scoped-clients'
import { versionGuard } from './version-guard'
import { writeAllOrNothing } from './write-all-or-nothing'

const isConditionFailure = (error: unknown, index: number): boolean =>
  error instanceof TransactionCanceledException &&
  error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed'

/**
 * Evaluations, their scores, imports, published results and the audit trail, all in the tenant
 * partition. Results are stored gzip-compressed, one item per group and revision, so reading a
 * group's results is one Query whatever the number of units.
 */
export class DynamoEvaluationStore implements EvaluationStore {
  readonly #clients: TenantScopedClients
  readonly #tableName: string

  constructor(options: { clients: TenantScopedClients; tableName: string }) {
    this.#clients = options.clients
    this.#tableName = options.tableName
  }

  async createEvaluation(options: {
    tenantId: string
    evaluation: Evaluation
    audit: AuditEntry
  }): Promise<void> {
    const { tenantId, evaluation, audit } = options
    const { doc } = await this.#clients.forTenant(tenantId)
    try {
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.#tableName,
                Item: evaluationItem({ tenantId, evaluation }),
                ...versionGuard(undefined),
              },
            },
            auditPut({ tenantId, tableName: this.#tableName, audit }),
          ],
        }),
      )
    } catch (error) {
      if (isConditionFailure(error, 0)) {
        throw new ConflictError({
          message: '该评估标识已存在',
          issues: [{ path: 'evaluationId', message: 'already exists' }],
        })
      }
      throw error
    }
  }

  async getEvaluation(options: { tenantId: string; evaluationId: string }): Promise<Evaluation | undefined> {
    const { doc } = await this.#clients.forTenant(options.tenantId)
    const result = await doc.send(
      new GetCommand({
        TableName: this.#tableName,
        Key: tenantKeys.evaluation(options.tenantId, options.evaluationId),
        ConsistentRead: true,
      }),
    )
    return result.Item ? EvaluationSchema.parse(withoutKeys(result.Item)) : undefined
  }

  async listEvaluations({ tenantId }: { tenantId: string }): Promise<Evaluation[]> {
    const { doc } = await this.#clients.forTenant(tenantId)
    const items = await queryAll({
      doc,
      input: {
        TableName: this.#tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': tenantPartition(tenantId),
          ':prefix': tenantKeys.evaluationByPeriodPrefix,
        },
      },
    })
    return items.map((item) => EvaluationSchema.parse(withoutKeys(item)))
  }

  async updateEvaluation(options: {
    tenantId: string
    evaluation: Evaluation
    expectedVersion: number
    audit: AuditEntry
    results?: ResultSnapshot[]
  }): Promise<void> {
    const { tenantId, evaluation, expectedVersion, audit, results = [] } = options
    const { doc } = await this.#clients.forTenant(tenantId)
    const resultPuts = results.map((snapshot) =>
      resultPut({ tenantId, tableName: this.#tableName, evaluationId: evaluation.evaluationId, snapshot }),
    )
    try {
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.#tableName,
                Item: evaluationItem({ tenantId, evaluation }),
                ...versionGuard(expectedVersion),
              },
            },
            auditPut({ tenantId, tableName: this.#tableName, audit }),
            ...resultPuts,
          ],
        }),
      )
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const current = await this.getEvaluation({ tenantId, evaluationId: evaluation.evaluationId })
        throw new ConflictError({
          message: '评估已被他人修改，请刷新后重试',
          details: { current },
        })
      }
      throw error
    }
  }

  async putScore(options: {
    tenantId: string
    evaluationId: string
    entry: ScoreEntry
    expectedVersion: number | undefined
    audit: AuditEntry
  }): Promise<void> {
    const { tenantId, evaluationId, entry, expectedVersion, audit } = options
    const valid = ScoreEntrySchema.parse(entry)
    const entryId = scoreEntryId(valid)
    const { doc } = await this.#clients.forTenant(tenantId)
    const condition = versionGuard(expectedVersion)
    try {
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.#tableName,
                Item: {
                  ...tenantKeys.score(tenantId, evaluationId, entryId),
                  type: 'Score',
                  entryId,
                  ...valid,
                },
                ...condition,
              },
            },
            auditPut({ tenantId, tableName: this.#tableName, audit }),
          ],
        }),
      )
    } catch (error) {
      if (isConditionFailure(error, 0)) {
        const current = await this.getScore({ tenantId, evaluationId, entryId })
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
        item: { ...tenantKeys.score(tenantId, evaluationId, entryId), type: 'Score', entryId, ...after },
        before: before
          ? { ...tenantKeys.score(tenantId, evaluationId, entryId), type: 'Score', entryId, ...before }
          : undefined,
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

  async getResults(options: {
    tenantId: string
    evaluationId: string
    revision: number
  }): Promise<ResultSnapshot[]> {
    const { doc } = await this.#clients.forTenant(options.tenantId)
    const items = await queryAll({
      doc,
      input: {
        TableName: this.#tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': tenantPartition(options.tenantId),
          ':prefix': tenantKeys.resultRevisionPrefix(options.evaluationId, options.revision),
        },
      },
    })
    return items.map(resultOf)
  }

  async listAudit(options: {
    tenantId: string
    evaluationId?: string | undefined
    limit?: number
  }): Promise<AuditEntry[]> {
    const { doc } = await this.#clients.forTenant(options.tenantId)
    const pk = tenantPartition(options.tenantId)
    const result = await doc.send(
      new QueryCommand(
        options.evaluationId
          ? {
              TableName: this.#tableName,
              IndexName: 'gsi1',
              KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
              ExpressionAttributeValues: {
                ':pk': pk,
                ':prefix': tenantKeys.auditByEvaluationPrefix(options.evaluationId),
              },
              ScanIndexForward: false,
              Limit: options.limit ?? 200,
            }
          : {
              TableName: this.#tableName,
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
              ExpressionAttributeValues: { ':pk': pk, ':prefix': tenantKeys.auditPrefix },
              ScanIndexForward: false,
              Limit: options.limit ?? 200,
            },
      ),
    )
    return (result.Items ?? []).map((item) => AuditEntrySchema.parse(withoutKeys(item)))
  }
}
