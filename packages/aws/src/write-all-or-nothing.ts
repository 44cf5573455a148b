import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { TransactItem } from './evaluation-items'
import { versionGuard } from './version-guard'

export interface GuardedWrite {
  key: Record<string, string>
  /** The new item. */
  item: Record<string, unknown> & { version: number }
  /** The item it replaces, or undefined when it creates one. */
  before: (Record<string, unknown> & { version: number }) | undefined
}

/** DynamoDB's limit of items in one transaction. */
const maxTransactItems = 100

/**
 * Writes any number of items so that either all land or none does. Up to 100 items this is one
 * transaction. Beyond, the writes go in transactions of 100, each item guarded by the version it
 * replaces; if a later chunk fails, the chunks already written are put back to their before-images
 * (again guarded, so a concurrent writer's change is never overwritten), and the error is rethrown.
 * `finalItems` (the marker of completion and its audit entry) ride in the last transaction.
 */
export async function writeAllOrNothing(options: {
  doc: DynamoDBDocumentClient
  tableName: string
  writes: GuardedWrite[]
  finalItems: TransactItem[]
}): Promise<void> {
  const { doc, tableName, writes, finalItems } = options
  const guardedPut = (write: GuardedWrite): TransactItem => ({
    Put: {
      TableName: tableName,
      Item: write.item,
      ...versionGuard(write.before?.version),
    },
  })
  const room = maxTransactItems - finalItems.length
  const chunks: GuardedWrite[][] = []
  for (let start = 0; start < writes.length; start += maxTransactItems) {
    chunks.push(writes.slice(start, start + maxTransactItems))
  }
  // The last chunk must leave room for the final items.
  const last = chunks.at(-1) ?? []
  if (last.length > room) chunks.splice(chunks.length - 1, 1, last.slice(0, room), last.slice(room))
  if (chunks.length === 0) chunks.push([])

  const written: GuardedWrite[][] = []
  try {
    for (const [index, chunk] of chunks.entries()) {
      const isLast = index === chunks.length - 1
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [...chunk.map(guardedPut), ...(isLast ? finalItems : [])],
        }),
      )
      written.push(chunk)
    }
  } catch (error) {
    for (const chunk of written.reverse()) {
      await doc.send(
        new TransactWriteCommand({
          TransactItems: chunk.map((write): TransactItem => {
            // Only what this import wrote is put back: a newer change by someone else stays.
            const guard = versionGuard(write.item.version)
            return write.before
              ? { Put: { TableName: tableName, Item: write.before, ...guard } }
              : { Delete: { TableName: tableName, Key: write.key, ...guard } }
          }),
        }),
      )
    }
    throw error
  }
}
