import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { ConflictError } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { asConflict } from './is-condition-failure'

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  })

describe('asConflict', () => {
  it('turns a cancellation by a simultaneous transaction into a retryable 409', () => {
    const error = asConflict(cancelled('None', 'TransactionConflict'))
    expect(error).toBeInstanceOf(ConflictError)
    expect(error).toMatchObject({ status: 409, details: { reason: 'transaction-conflict' } })
  })

  it('leaves a failed condition and any other error as they are', () => {
    const failed = cancelled('ConditionalCheckFailed', 'TransactionConflict')
    const other = new Error('network')
    expect(asConflict(failed)).toBe(failed)
    expect(asConflict(other)).toBe(other)
  })
})
