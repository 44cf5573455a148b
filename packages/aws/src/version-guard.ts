/**
 * The condition of an optimistic write: the stored item must be at `expected`, or, with no
 * expected version, must not exist yet. One definition for every guarded write of the stores.
 */
export function versionGuard(expected: number | undefined):
  | { ConditionExpression: string }
  | {
      ConditionExpression: string
      ExpressionAttributeNames: Record<string, string>
      ExpressionAttributeValues: Record<string, number>
    } {
  if (expected === undefined) return { ConditionExpression: 'attribute_not_exists(pk)' }
  return {
    ConditionExpression: '#version = :expected',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':expected': expected },
  }
}
