import { gunzipSync, gzipSync } from 'node:zlib'
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import {
  type AuditEntry,
  AuditEntrySchema,
  type Evaluation,
  EvaluationSchema,
  PublishedGroupSchema,
  type PublishedSnapshot,
  periodKey,
  StoredDataError,
} from '@pingce/core'
import { tenantKeys } from './keys'
import { versionGuard } from './version-guard'

/** One item of a TransactWriteItems request. */
export type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number]

/** The evaluation as an item: its key and its GSI1 key (evaluations in period order). */
export function evaluationItem(options: {
  tenantId: string
  evaluation: Evaluation
}): Record<string, unknown> {
  const { tenantId } = options
  const valid = EvaluationSchema.parse(options.evaluation)
  return {
    ...tenantKeys.evaluation(tenantId, valid.evaluationId),
    ...tenantKeys.evaluationByPeriod(tenantId, periodKey(valid.period), valid.evaluationId),
    type: 'Evaluation',
    ...valid,
  }
}

/**
 * The put of an audit entry: a participant of the transaction of the change it records. Indexed by
 * evaluation (GSI1) when it has one and by entity (GSI2) always.
 */
export function auditPut(options: { tenantId: string; tableName: string; audit: AuditEntry }): TransactItem {
  const { tenantId } = options
  const valid = AuditEntrySchema.parse(options.audit)
  return {
    Put: {
      TableName: options.tableName,
      Item: {
        ...tenantKeys.audit(tenantId, valid.at, valid.auditId),
        ...(valid.evaluationId
          ? tenantKeys.auditByEvaluation(tenantId, valid.evaluationId, valid.at, valid.auditId)
          : {}),
        ...tenantKeys.auditByEntity(tenantId, valid.entityType, valid.entityId, valid.at, valid.auditId),
        type: 'Audit',
        ...valid,
      },
    },
  }
}

/** The put of a published result: gzip-compressed, and never overwriting a revision. */
export function resultPut(options: {
  tenantId: string
  tableName: string
  evaluationId: string
  snapshot: PublishedSnapshot
}): TransactItem {
  const { snapshot } = options
  return {
    Put: {
      TableName: options.tableName,
      Item: {
        ...tenantKeys.result(options.tenantId, options.evaluationId, snapshot.revision, snapshot.groupId),
        type: 'Result',
        groupId: snapshot.groupId,
        revision: snapshot.revision,
        computedAt: snapshot.computedAt,
        body: gzipSync(JSON.stringify(PublishedGroupSchema.parse(snapshot.group))),
      },
      // A published revision is immutable.
      ...versionGuard(undefined),
    },
  }
}

/** A stored result item back as a snapshot, checked against the published contract. */
export function resultOf(item: Record<string, unknown>): PublishedSnapshot {
  let group: unknown
  try {
    group = JSON.parse(gunzipSync(item.body as Uint8Array).toString('utf8'))
  } catch (error) {
    throw new StoredDataError({
      message: '已发布结果数据损坏',
      details: { sk: String(item.sk), reason: String(error) },
    })
  }
  const parsed = PublishedGroupSchema.safeParse(group)
  if (!parsed.success) {
    throw new StoredDataError({
      message: '已发布结果数据不符合格式',
      details: {
        sk: String(item.sk),
        issues: parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      },
    })
  }
  return {
    groupId: String(item.groupId),
    revision: Number(item.revision),
    computedAt: String(item.computedAt),
    group: parsed.data,
  }
}
