import type { PublishedSnapshot, ResultStore } from '@pingce/core'
import { resultOf } from './evaluation-items'
import { tenantKeys, tenantPartition } from './keys'
import { queryAll } from './query-all'
import type { TenantScopedClients } from './tenant-scoped-clients'

/** Published results: one Query per revision whatever the number of groups; each item parsed on read. */
export class DynamoResultStore implements ResultStore {
  readonly #clients: TenantScopedClients
  readonly #tableName: string

  constructor(options: { clients: TenantScopedClients; tableName: string }) {
    this.#clients = options.clients
    this.#tableName = options.tableName
  }

  async getPublished(options: {
    tenantId: string
    evaluationId: string
    revision: number
  }): Promise<PublishedSnapshot[]> {
    const { doc } = await this.#clients.forTenant(options.tenantId)
    const items = await queryAll({
      doc,
      input: {
        TableName: this.#tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': tenantPartition(options.tenantId),
          ':prefix': tenantKeys.resultRevisionPrefix(options.evaluationId, options.revision),
        },
      },
    })
    return items.map(resultOf)
  }
}
