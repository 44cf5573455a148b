import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb'
import type { PendingImport } from '@pingce/core'
import type { TransactItem } from './evaluation-items'
import { tenantKeys } from './keys'
import { type TenantTableOptions, TenantTableStore } from './tenant-table-store'
import { versionGuard } from './version-guard'

export type ScoreItem = Record<string, unknown> & { version: number }

/** One score an import changes: its key, what it was (undefined: it did not exist) and its new version. */
export interface BeforeImage {
  key: Record<string, string>
  before: ScoreItem | undefined
  afterVersion: number
}

interface Target {
  tenantId: string
  evaluationId: string
}

/**
 * The claim of an import under way (`EVAL#<id>#PENDING`, with a lease) and the undo items of its
 * chunks (`EVAL#<id>#UNDO#<importId>#<n>`, the before-images): what makes an import all or nothing
 * across a crash. {@link DynamoScoreStore} writes them inside its own transactions.
 */
export class PendingImportLog extends TenantTableStore {
  readonly #leaseMs: number
  readonly #now: () => number

  constructor(options: TenantTableOptions & { leaseMs: number; now: () => number }) {
    super(options)
    this.#leaseMs = options.leaseMs
    this.#now = options.now
  }

  #leaseUntil(): string {
    return new Date(this.#now() + this.#leaseMs).toISOString()
  }

  #mine(importId: string) {
    return {
      ConditionExpression: 'importId = :importId',
      ExpressionAttributeValues: { ':importId': importId },
    }
  }

  async get(target: Target): Promise<PendingImport | undefined> {
    const result = await (await this.docFor(target.tenantId)).send(
      new GetCommand({
        TableName: this.tableName,
        Key: tenantKeys.pendingImport(target.tenantId, target.evaluationId),
        ConsistentRead: true,
      }),
    )
    if (!result.Item) return undefined
    return {
      importId: String(result.Item.importId),
      startedAt: String(result.Item.startedAt),
      leaseUntil: String(result.Item.leaseUntil),
    }
  }

  /** The claim's put: only if no import of the evaluation is pending. */
  claim(target: Target & { importId: string }): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...tenantKeys.pendingImport(target.tenantId, target.evaluationId),
          type: 'PendingImport',
          importId: target.importId,
          startedAt: new Date(this.#now()).toISOString(),
          leaseUntil: this.#leaseUntil(),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }
  }

  /** What rides with a chunk of scores: its before-images, and the renewal of the claim's lease. */
  chunk(target: Target & { importId: string; chunk: number; images: BeforeImage[] }): TransactItem[] {
    const { tenantId, evaluationId, importId } = target
    const mine = this.#mine(importId)
    return [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...tenantKeys.importUndo(tenantId, evaluationId, importId, target.chunk),
            type: 'ImportUndo',
            images: target.images,
          },
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: tenantKeys.pendingImport(tenantId, evaluationId),
          UpdateExpression: 'SET leaseUntil = :leaseUntil',
          ConditionExpression: mine.ConditionExpression,
          ExpressionAttributeValues: { ...mine.ExpressionAttributeValues, ':leaseUntil': this.#leaseUntil() },
        },
      },
    ]
  }

  /** The claim's deletion when the import completes: only while it is still this import's. */
  release(target: Target & { importId: string }): TransactItem {
    return {
      Delete: {
        TableName: this.tableName,
        Key: tenantKeys.pendingImport(target.tenantId, target.evaluationId),
        ...this.#mine(target.importId),
      },
    }
  }

  async #undoItems(target: Target & { importId: string }, projection?: string) {
    const prefix = tenantKeys.importUndoPrefix(target.evaluationId, target.importId)
    return this.queryPrefix({ tenantId: target.tenantId, prefix, ...(projection ? { projection } : {}) })
  }

  async beforeImages(target: Target & { importId: string }): Promise<BeforeImage[]> {
    return (await this.#undoItems(target)).flatMap((item) => item.images as BeforeImage[])
  }

  /** Undoes a pending import whose lease has run out; answers what is pending afterwards. */
  async settle(
    target: Target,
  ): Promise<{ rolledBack: string | undefined; pending: PendingImport | undefined }> {
    const pending = await this.get(target)
    if (!pending) return { rolledBack: undefined, pending: undefined }
    if (Date.parse(pending.leaseUntil) > this.#now()) return { rolledBack: undefined, pending }
    await this.rollBack({ ...target, importId: pending.importId })
    return { rolledBack: pending.importId, pending: undefined }
  }

  /**
   * Puts back every before-image of an import, then deletes its undo items and its claim. Each
   * restore is guarded by the version the import wrote, so it never overwrites anything else.
   */
  async rollBack(target: Target & { importId: string }): Promise<void> {
    const { tenantId, tableName } = { ...target, tableName: this.tableName }
    const send = (items: TransactItem[]) => this.transact(tenantId, items)
    const isCancelled = (error: unknown) => error instanceof TransactionCanceledException
    for (const undo of (await this.#undoItems(target)).reverse()) {
      const restores = (undo.images as BeforeImage[]).map((image): TransactItem => {
        const guard = versionGuard(image.afterVersion)
        return image.before
          ? { Put: { TableName: tableName, Item: image.before, ...guard } }
          : { Delete: { TableName: tableName, Key: image.key, ...guard } }
      })
      const dropUndo: TransactItem = {
        Delete: { TableName: tableName, Key: { pk: String(undo.pk), sk: String(undo.sk) } },
      }
      try {
        await send([...restores, dropUndo])
      } catch (error) {
        // A restore whose guard fails was never overwritten by this import: restore the others one by one.
        if (!isCancelled(error)) throw error
        for (const restore of restores) {
          await send([restore]).catch((failed: unknown) => {
            if (!isCancelled(failed)) throw failed
          })
        }
        await send([dropUndo])
      }
    }
    await send([this.release(target)]).catch((error: unknown) => {
      // Someone else finished the roll-back first: the claim is already gone.
      if (!isCancelled(error)) throw error
    })
  }

  /** Clears a completed import's undo items (they are ignored once its claim is gone). */
  async clear(target: Target & { importId: string }): Promise<void> {
    const doc = await this.docFor(target.tenantId)
    const items = await this.#undoItems(target, 'pk, sk')
    for (let start = 0; start < items.length; start += 25) {
      const deletes = items
        .slice(start, start + 25)
        .map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } }))
      await doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: deletes } }))
    }
  }
}
