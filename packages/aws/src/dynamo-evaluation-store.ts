import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import {
  type AuditEntry,
  ConflictError,
  type Evaluation,
  EvaluationSchema,
  type EvaluationStore,
  type PublishedSnapshot,
} from '@pingce/core'
import { noPendingImport } from './draft-condition'
import { auditPut, evaluationItem, resultPut, type TransactItem } from './evaluation-items'
import { asConflict, isConditionFailure } from './is-condition-failure'
import { tenantKeys, tenantPartition } from './keys'
import { queryAll, withoutKeys } from './query-all'
import { tenantRows } from './tenant-rows'
import { TenantTableStore } from './tenant-table-store'
import { versionGuard } from './version-guard'

/**
 * Evaluations in the tenant partition, in period order through GSI1. A status change is one
 * transaction with its audit entry and, for a publication, the result snapshots (one
 * gzip-compressed item per group and revision, written only if that revision does not exist).
 */
export class DynamoEvaluationStore extends TenantTableStore implements EvaluationStore {
  /** The put of the evaluation item, guarded by the version it replaces (none: it must be new). */
  #evaluationPut(
    tenantId: string,
    evaluation: Evaluation,
    expectedVersion: number | undefined,
  ): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: evaluationItem({ tenantId, evaluation }),
        ...versionGuard(expectedVersion),
      },
    }
  }

  async createEvaluation(options: {
    tenantId: string
    evaluation: Evaluation
    audit: AuditEntry
  }): Promise<void> {
    const { tenantId, evaluation, audit } = options
    try {
      await this.transact(tenantId, [
        this.#evaluationPut(tenantId, evaluation, undefined),
        auditPut({ tenantId, tableName: this.tableName, audit }),
      ])
    } catch (error) {
      if (isConditionFailure(error, 0)) {
        throw new ConflictError({
          message: '该评估标识已存在',
          issues: [{ path: 'evaluationId', message: 'already exists' }],
        })
      }
      throw asConflict(error)
    }
  }

  async getEvaluation(options: { tenantId: string; evaluationId: string }): Promise<Evaluation | undefined> {
    const { doc } = await this.clients.forTenant(options.tenantId)
    const result = await doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: tenantKeys.evaluation(options.tenantId, options.evaluationId),
        ConsistentRead: true,
      }),
    )
    return result.Item ? EvaluationSchema.parse(withoutKeys(result.Item)) : undefined
  }

  async listEvaluations({ tenantId }: { tenantId: string }): Promise<Evaluation[]> {
    const { doc } = await this.clients.forTenant(tenantId)
    const items = await queryAll({
      doc,
      input: {
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': tenantPartition(tenantId),
          ':prefix': tenantKeys.evaluationByPeriodPrefix,
        },
      },
    })
    return tenantRows({ items, tenantId, index: 'gsi1', onForeignRow: this.onForeignRow }).map((item) =>
      EvaluationSchema.parse(withoutKeys(item)),
    )
  }

  async updateEvaluation(options: {
    tenantId: string
    evaluation: Evaluation
    expectedVersion: number
    audit: AuditEntry
    publication?: PublishedSnapshot[] | undefined
  }): Promise<void> {
    const { tenantId, evaluation, expectedVersion, audit, publication = [] } = options
    const resultPuts = publication.map((snapshot) =>
      resultPut({ tenantId, tableName: this.tableName, evaluationId: evaluation.evaluationId, snapshot }),
    )
    try {
      await this.transact(tenantId, [
        this.#evaluationPut(tenantId, evaluation, expectedVersion),
        auditPut({ tenantId, tableName: this.tableName, audit }),
        // No status change while an import is pending: review must see all of it or none.
        noPendingImport({ tableName: this.tableName, tenantId, evaluationId: evaluation.evaluationId }),
        ...resultPuts,
      ])
    } catch (error) {
      if (isConditionFailure(error, 2)) {
        throw new ConflictError({
          message: '该评估正在导入分数，请稍后再试',
          details: { reason: 'import-pending' },
        })
      }
      if (error instanceof TransactionCanceledException) {
        const current = await this.getEvaluation({ tenantId, evaluationId: evaluation.evaluationId })
        throw new ConflictError({ message: '评估已被他人修改，请刷新后重试', details: { current } })
      }
      throw asConflict(error)
    }
  }
}
