import { gunzipSync, gzipSync } from 'node:zlib'
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import {
  type AuditEntry,
  AuditEntrySchema,
  type Evaluation,
  EvaluationSchema,
  type ResultSnapshot,
} from '@pingce/core'
import { tenantKeys } from './keys'
import { versionGuard } from './version-guard'

/** One item of a TransactWriteItems request. */
export type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number]

/** `2016-Y`, `2016-Q03`, `2016-M11`: sorts evaluations by period on GSI1. */
function periodKey(evaluation: Evaluation): string {
  const { kind, year, index } = evaluation.period
  if (kind === 'year') return `${year}-Y`
  return `${year}-${kind === 'quarter' ? 'Q' : 'M'}${String(index ?? 0).padStart(2, '0')}`
}

/** The evaluation as an item: its key and its GSI1 key (evaluations in period order). */
export function evaluationItem(options: {
  tenantId: string
  evaluation: Evaluation
}): Record<string, unknown> {
  const { tenantId } = options
  const valid = EvaluationSchema.parse(options.evaluation)
  return {
    ...tenantKeys.evaluation(tenantId, valid.evaluationId),
    ...tenantKeys.evaluationByPeriod(tenantId, periodKey(valid), valid.evaluationId),
    type: 'Evaluation',
    ...valid,
  }
}

/** The put of an audit entry, written in the same transaction as the change it records. */
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
  snapshot: ResultSnapshot
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
        body: gzipSync(JSON.stringify(snapshot.body)),
      },
      // A published revision is immutable.
      ...versionGuard(undefined),
    },
  }
}

export function resultOf(item: Record<string, unknown>): ResultSnapshot {
  return {
    groupId: String(item.groupId),
    revision: Number(item.revision),
    computedAt: String(item.computedAt),
    body: JSON.parse(gunzipSync(item.body as Uint8Array).toString('utf8')),
  }
}
