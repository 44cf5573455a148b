import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'

/** Whether a transaction was cancelled because the condition of its `index`-th item failed. */
export function isConditionFailure(error: unknown, index: number): boolean {
  return (
    error instanceof TransactionCanceledException &&
    error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed'
  )
}
