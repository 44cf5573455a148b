import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb'
import { ConflictError, type Tenant, type TenantDirectory, TenantSchema } from '@pingce/core'
import { platformKeys } from './keys'

/**
 * The tenant register. A tenant id and a division code can each be claimed once, in one
 * transaction, so two cities signing up at the same moment cannot end up sharing either.
 */
export class DynamoTenantDirectory implements TenantDirectory {
  readonly #doc: DynamoDBDocumentClient
  readonly #tableName: string

  constructor(options: { doc: DynamoDBDocumentClient; tableName: string }) {
    this.#doc = options.doc
    this.#tableName = options.tableName
  }

  async createTenant({ tenant }: { tenant: Tenant }): Promise<Tenant> {
    const valid = TenantSchema.parse(tenant)
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
              Put: {
                TableName: this.#tableName,
                Item: {
                  ...platformKeys.divisionCodeClaim(valid.divisionCode),
                  type: 'DivisionClaim',
                  tenantId: valid.tenantId,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      )
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const [idReason, divisionReason] = error.CancellationReasons ?? []
        if (idReason?.Code === 'ConditionalCheckFailed') {
          throw new ConflictError({
            message: '该租户标识已被使用',
            issues: [{ path: 'tenantId', message: 'already taken' }],
          })
        }
        if (divisionReason?.Code === 'ConditionalCheckFailed') {
          throw new ConflictError({
            message: '该行政区划代码已注册',
            issues: [{ path: 'divisionCode', message: 'already registered by another tenant' }],
          })
        }
      }
      throw error
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

  async deleteTenant({ tenantId }: { tenantId: string }): Promise<void> {
    const tenant = await this.getTenant({ tenantId })
    if (!tenant) return
    await this.#doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: this.#tableName, Key: platformKeys.tenantRegister(tenantId) } },
          {
            Delete: {
              TableName: this.#tableName,
              Key: platformKeys.divisionCodeClaim(tenant.divisionCode),
              // Only this tenant's claim: never free a code another tenant holds.
              ConditionExpression: 'tenantId = :tenantId',
              ExpressionAttributeValues: { ':tenantId': tenantId },
            },
          },
        ],
      }),
    )
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
}
