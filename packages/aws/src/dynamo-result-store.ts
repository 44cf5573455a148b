import type { PublishedSnapshot, ResultStore } from '@pingce/core'
import { resultOf } from './evaluation-items'
import { tenantKeys, tenantPartition } from './keys'
import { queryAll } from './query-all'
import { TenantTableStore } from './tenant-table-store'

/** Published results: one Query per revision whatever the number of groups; each item parsed on read. */
export class DynamoResultStore extends TenantTableStore implements ResultStore {
  async getPublished(options: {
    tenantId: string
    evaluationId: string
    revision: number
  }): Promise<PublishedSnapshot[]> {
    const { doc } = await this.clients.forTenant(options.tenantId)
    const items = await queryAll({
      doc,
      input: {
        TableName: this.tableName,
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
