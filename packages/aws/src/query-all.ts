import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'

/** Runs a Query to the last page. The only way the stores read collections: never a Scan. */
export async function queryAll(options: {
  doc: DynamoDBDocumentClient
  input: QueryCommandInput
}): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await options.doc.send(new QueryCommand({ ...options.input, ExclusiveStartKey: startKey }))
    items.push(...(page.Items ?? []))
    startKey = page.LastEvaluatedKey
  } while (startKey)
  return items
}

/** Drops the key and bookkeeping attributes before an item is parsed back into a domain record. */
export function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, type, expiresAt, ...rest } = item
  return rest
}
