import type { TransactItem } from './evaluation-items'
import { tenantKeys } from './keys'

/**
 * The condition every score write carries on its evaluation: still a draft, still at the version
 * the writer read. A write that began before a submission or publication cannot land after it.
 */
export function draftCondition(options: {
  tableName: string
  tenantId: string
  evaluationId: string
  evaluationVersion: number
}): TransactItem {
  return {
    ConditionCheck: {
      TableName: options.tableName,
      Key: tenantKeys.evaluation(options.tenantId, options.evaluationId),
      ConditionExpression: '#status = :draft AND #version = :evaluationVersion',
      ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
      ExpressionAttributeValues: { ':draft': 'draft', ':evaluationVersion': options.evaluationVersion },
    },
  }
}

/** The condition that no import of the evaluation is pending (a write must not slip between its chunks). */
export function noPendingImport(options: {
  tableName: string
  tenantId: string
  evaluationId: string
}): TransactItem {
  return {
    ConditionCheck: {
      TableName: options.tableName,
      Key: tenantKeys.pendingImport(options.tenantId, options.evaluationId),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }
}
