import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { ConflictError } from '@pingce/core'

/** Which items of a cancelled transaction failed their condition (none for any other error). */
export function failedConditions(error: unknown): Set<number> {
  if (!(error instanceof TransactionCanceledException)) return new Set()
  return new Set(
    (error.CancellationReasons ?? []).flatMap((reason, index) =>
      reason.Code === 'ConditionalCheckFailed' ? [index] : [],
    ),
  )
}

/** Whether a transaction was cancelled because the condition of its `index`-th item failed. */
export function isConditionFailure(error: unknown, index: number): boolean {
  return failedConditions(error).has(index)
}

/**
 * A transaction cancelled only because another transaction touched the same item at the same
 * moment (`TransactionConflict`, which real DynamoDB gives under contention) is a 409 the client can
 * retry, not a 500; any other error is returned as it is.
 */
export function asConflict(error: unknown): unknown {
  if (!(error instanceof TransactionCanceledException)) return error
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code)
  if (!codes.includes('TransactionConflict') || codes.includes('ConditionalCheckFailed')) return error
  return new ConflictError({
    message: '有其他修改同时进行，未保存，请重试',
    details: { reason: 'transaction-conflict' },
  })
}
