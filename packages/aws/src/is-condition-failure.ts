import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { ConflictError } from '@pingce/core'

/** Whether a transaction was cancelled because the condition of its `index`-th item failed. */
export function isConditionFailure(error: unknown, index: number): boolean {
  return (
    error instanceof TransactionCanceledException &&
    error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed'
  )
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
