import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { type AuditEntry, type User, UserSchema, type UserStore } from '@pingce/core'
import { auditPut } from './evaluation-items'
import { tenantKeys, tenantPartition } from './keys'
import type { TenantScopedClients } from './tenant-scoped-clients'
import { TenantTableStore } from './tenant-table-store'

/**
 * User profiles in the tenant's own partition. Every call asks {@link TenantScopedClients} for the
 * client of that tenant, so in AWS a wrong tenant id fails at IAM, not only in the key.
 */
export class DynamoUserStore extends TenantTableStore implements UserStore {
  async putUser({
    tenantId,
    user,
    audit,
  }: {
    tenantId: string
    user: User
    audit: AuditEntry
  }): Promise<void> {
    const { doc } = await this.clients.forTenant(tenantId)
    const valid = UserSchema.parse(user)
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...withoutUndefined(valid), ...tenantKeys.user(tenantId, valid.userId), type: 'User' },
            },
          },
          auditPut({ tenantId, tableName: this.tableName, audit }),
        ],
      }),
    )
  }

  async getUser({ tenantId, userId }: { tenantId: string; userId: string }): Promise<User | undefined> {
    const { doc } = await this.clients.forTenant(tenantId)
    const result = await doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: tenantKeys.user(tenantId, userId),
        ConsistentRead: true,
      }),
    )
    return result.Item ? UserSchema.parse(result.Item) : undefined
  }

  async listUsers({ tenantId }: { tenantId: string }): Promise<User[]> {
    const { doc } = await this.clients.forTenant(tenantId)
    const users: User[] = []
    let startKey: Record<string, unknown> | undefined
    do {
      const page = await doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': tenantPartition(tenantId), ':prefix': tenantKeys.userPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      )
      for (const item of page.Items ?? []) users.push(UserSchema.parse(item))
      startKey = page.LastEvaluatedKey
    } while (startKey)
    return users
  }
}

function withoutUndefined(user: User): Record<string, unknown> {
  return Object.fromEntries(Object.entries(user).filter(([, value]) => value !== undefined))
}
