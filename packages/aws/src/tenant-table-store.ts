import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { TransactItem } from './evaluation-items'
import { tenantPartition } from './keys'
import { queryAll } from './query-all'
import type { ForeignRowReporter } from './tenant-rows'
import type { TenantScopedClients } from './tenant-scoped-clients'

export interface TenantTableOptions {
  clients: TenantScopedClients
  tableName: string
  /** Told of every index row dropped because its table partition is another tenant's. */
  onForeignRow?: ForeignRowReporter
}

/**
 * What every tenant store of the one table shares: clients scoped to the tenant of each call (in
 * AWS, credentials from STS that reach only that tenant's partition), the table, and the reporter of
 * index rows that cross tenants.
 */
export abstract class TenantTableStore {
  protected readonly clients: TenantScopedClients
  protected readonly tableName: string
  protected readonly onForeignRow: ForeignRowReporter | undefined

  constructor(options: TenantTableOptions) {
    this.clients = options.clients
    this.tableName = options.tableName
    this.onForeignRow = options.onForeignRow
  }

  /** The document client for one tenant. */
  protected async docFor(tenantId: string): Promise<DynamoDBDocumentClient> {
    return (await this.clients.forTenant(tenantId)).doc
  }

  /** Writes items of one tenant together: all of them or, if any condition fails, none. */
  protected async transact(tenantId: string, items: TransactItem[]): Promise<void> {
    await (await this.docFor(tenantId)).send(new TransactWriteCommand({ TransactItems: items }))
  }

  /** Every item of the tenant's partition whose sort key starts with `prefix`, read consistently. */
  protected async queryPrefix(options: {
    tenantId: string
    prefix: string
    projection?: string
  }): Promise<Record<string, unknown>[]> {
    return queryAll({
      doc: await this.docFor(options.tenantId),
      input: {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': tenantPartition(options.tenantId), ':prefix': options.prefix },
        ConsistentRead: true,
        ...(options.projection ? { ProjectionExpression: options.projection } : {}),
      },
    })
  }
}
