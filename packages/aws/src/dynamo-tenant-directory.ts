import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb'
import {
  ConflictError,
  type DivisionCodeStatus,
  type NewTenant,
  NotFoundError,
  type Tenant,
  type TenantDirectory,
  TenantSchema,
} from '@pingce/core'
import type { TransactItem } from './evaluation-items'
import { asConflict } from './is-condition-failure'
import { platformKeys } from './keys'

interface Guard {
  ConditionExpression: string
  ExpressionAttributeValues?: Record<string, unknown>
}

/** Attempts of a change that re-reads the tenant when its status moved between the read and the write. */
const maxStatusAttempts = 3

/**
 * The tenant register. A tenant id is claimed once at sign-up; a division code is only claimed then
 * (`pending`, by as many tenants as like) and becomes exclusive when the operator confirms it: the
 * claim item `DIVISION#<code>` is written then, in one transaction with the status, and a sign-up
 * checks it in its own transaction, so a confirmed code can never be signed up for again.
 */
export class DynamoTenantDirectory implements TenantDirectory {
  readonly #doc: DynamoDBDocumentClient
  readonly #tableName: string

  constructor(options: { doc: DynamoDBDocumentClient; tableName: string }) {
    this.#doc = options.doc
    this.#tableName = options.tableName
  }

  async createTenant({ tenant }: { tenant: NewTenant }): Promise<Tenant> {
    const valid = TenantSchema.parse({ ...tenant, divisionCodeStatus: 'pending' })
    try {
      await this.#doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.#tableName,
                Item: { ...platformKeys.tenantRegister(valid.tenantId), type: 'Tenant', ...valid },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              ConditionCheck: {
                TableName: this.#tableName,
                Key: platformKeys.divisionCodeClaim(valid.divisionCode),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      )
    } catch (error) {
      const [idReason, divisionReason] = cancellationCodes(error)
      if (idReason === 'ConditionalCheckFailed') {
        throw new ConflictError({
          message: '该租户标识已被使用',
          issues: [{ path: 'tenantId', message: 'already taken' }],
        })
      }
      if (divisionReason === 'ConditionalCheckFailed') throw divisionCodeTaken()
      throw asConflict(error)
    }
    return valid
  }

  async getTenant({ tenantId }: { tenantId: string }): Promise<Tenant | undefined> {
    const result = await this.#doc.send(
      new GetCommand({
        TableName: this.#tableName,
        Key: platformKeys.tenantRegister(tenantId),
        ConsistentRead: true,
      }),
    )
    return result.Item ? TenantSchema.parse(result.Item) : undefined
  }

  async confirmDivisionCode({ tenantId }: { tenantId: string }): Promise<Tenant> {
    const tenant = await this.#existing(tenantId)
    try {
      await this.#doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.#setStatus(tenant, 'confirmed', { ConditionExpression: 'attribute_exists(pk)' }),
            {
              Put: {
                TableName: this.#tableName,
                Item: {
                  ...platformKeys.divisionCodeClaim(tenant.divisionCode),
                  type: 'DivisionClaim',
                  tenantId,
                },
                // Exclusive: written for one tenant only (again for the same one is harmless).
                ConditionExpression: 'attribute_not_exists(pk) OR tenantId = :tenantId',
                ExpressionAttributeValues: { ':tenantId': tenantId },
              },
            },
          ],
        }),
      )
    } catch (error) {
      const [tenantReason, claimReason] = cancellationCodes(error)
      if (claimReason === 'ConditionalCheckFailed') throw divisionCodeTaken()
      if (tenantReason === 'ConditionalCheckFailed') throw tenantNotFound()
      throw asConflict(error)
    }
    return { ...tenant, divisionCodeStatus: 'confirmed' }
  }

  async rejectDivisionCode({ tenantId }: { tenantId: string }): Promise<Tenant> {
    const tenant = await this.#whileStatusHolds(tenantId, async (current) => {
      await this.#doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.#setStatus(current, 'rejected', statusGuard(current.divisionCodeStatus)),
            ...this.#freeClaimOf(current),
          ],
        }),
      )
    })
    if (!tenant) throw tenantNotFound()
    return { ...tenant, divisionCodeStatus: 'rejected' }
  }

  async deleteTenant({ tenantId }: { tenantId: string }): Promise<void> {
    await this.#whileStatusHolds(tenantId, async (current) => {
      await this.#doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.#tableName,
                Key: platformKeys.tenantRegister(tenantId),
                ...statusGuard(current.divisionCodeStatus),
              },
            },
            ...this.#freeClaimOf(current),
          ],
        }),
      )
    })
  }

  async listTenants(): Promise<Tenant[]> {
    const tenants: Tenant[] = []
    let startKey: Record<string, unknown> | undefined
    do {
      const page = await this.#doc.send(
        new QueryCommand({
          TableName: this.#tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: {
            ':pk': platformKeys.tenantRegisterPrefix.pk,
            ':prefix': platformKeys.tenantRegisterPrefix.skPrefix,
          },
          ExclusiveStartKey: startKey,
        }),
      )
      for (const item of page.Items ?? []) tenants.push(TenantSchema.parse(item))
      startKey = page.LastEvaluatedKey
    } while (startKey)
    return tenants
  }

  async #existing(tenantId: string): Promise<Tenant> {
    const tenant = await this.getTenant({ tenantId })
    if (!tenant) throw tenantNotFound()
    return tenant
  }

  /**
   * Runs `write` for the tenant as read, its status pinned by the write's condition; when a
   * confirmation or rejection slipped in between, reads again and retries. Undefined: no such tenant.
   */
  async #whileStatusHolds(
    tenantId: string,
    write: (current: Tenant) => Promise<void>,
  ): Promise<Tenant | undefined> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.getTenant({ tenantId })
      if (!current) return undefined
      try {
        await write(current)
        return current
      } catch (error) {
        const isStatusMoved = cancellationCodes(error).includes('ConditionalCheckFailed')
        if (!isStatusMoved || attempt >= maxStatusAttempts) throw asConflict(error)
      }
    }
  }

  #setStatus(tenant: Tenant, divisionCodeStatus: DivisionCodeStatus, guard: Guard): TransactItem {
    return {
      Update: {
        TableName: this.#tableName,
        Key: platformKeys.tenantRegister(tenant.tenantId),
        UpdateExpression: 'SET divisionCodeStatus = :status',
        ConditionExpression: guard.ConditionExpression,
        ExpressionAttributeValues: { ':status': divisionCodeStatus, ...guard.ExpressionAttributeValues },
      },
    }
  }

  /** The claim item of a code confirmed for this tenant; nothing when it holds none. */
  #freeClaimOf(tenant: Tenant): TransactItem[] {
    if (tenant.divisionCodeStatus !== 'confirmed') return []
    return [
      {
        Delete: {
          TableName: this.#tableName,
          Key: platformKeys.divisionCodeClaim(tenant.divisionCode),
          // Only this tenant's claim: never free a code another tenant holds.
          ConditionExpression: 'tenantId = :tenantId',
          ExpressionAttributeValues: { ':tenantId': tenant.tenantId },
        },
      },
    ]
  }
}

/**
 * The condition that the register item still has the status it was read with. Items written before
 * confirmation existed have no status attribute and read as `confirmed` (they hold their claim).
 */
function statusGuard(status: DivisionCodeStatus): Required<Guard> {
  return {
    ConditionExpression:
      status === 'confirmed'
        ? 'attribute_exists(pk) AND (attribute_not_exists(divisionCodeStatus) OR divisionCodeStatus = :read)'
        : 'divisionCodeStatus = :read',
    ExpressionAttributeValues: { ':read': status },
  }
}

function cancellationCodes(error: unknown): (string | undefined)[] {
  if (!(error instanceof TransactionCanceledException)) return []
  return (error.CancellationReasons ?? []).map((reason) => reason.Code)
}

function divisionCodeTaken(): ConflictError {
  return new ConflictError({
    message: '该行政区划代码已确认归属其他租户',
    issues: [{ path: 'divisionCode', message: 'confirmed for another tenant' }],
  })
}

function tenantNotFound(): NotFoundError {
  return new NotFoundError({ message: '未找到该租户' })
}
