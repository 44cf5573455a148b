import { QueryCommand, type QueryCommandInput, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { type AuditEntry, AuditEntrySchema, type AuditLog } from '@pingce/core'
import { auditPut } from './evaluation-items'
import { tenantKeys, tenantPartition } from './keys'
import { withoutKeys } from './query-all'
import { tenantRows } from './tenant-rows'
import { TenantTableStore } from './tenant-table-store'

/**
 * The audit trail: the tenant's (sort key `AUDIT#<at>#<id>`), an evaluation's (GSI1) and an
 * entity's (GSI2), newest first. Entries are written by the stores inside their own transactions.
 */
export class DynamoAuditLog extends TenantTableStore implements AuditLog {
  async append(options: { tenantId: string; audit: AuditEntry }): Promise<void> {
    const { doc } = await this.clients.forTenant(options.tenantId)
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          auditPut({ tenantId: options.tenantId, tableName: this.tableName, audit: options.audit }),
        ],
      }),
    )
  }

  async listAudit(options: {
    tenantId: string
    evaluationId?: string | undefined
    entity?: { entityType: string; entityId: string } | undefined
    limit?: number | undefined
  }): Promise<AuditEntry[]> {
    const { doc } = await this.clients.forTenant(options.tenantId)
    const pk = tenantPartition(options.tenantId)
    const { evaluationId, entity } = options
    const common = { TableName: this.tableName, ScanIndexForward: false, Limit: options.limit ?? 200 }
    let input: QueryCommandInput
    if (entity) {
      input = {
        ...common,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': pk,
          ':prefix': tenantKeys.auditByEntityPrefix(entity.entityType, entity.entityId),
        },
      }
    } else if (evaluationId) {
      input = {
        ...common,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': tenantKeys.auditByEvaluationPrefix(evaluationId) },
      }
    } else {
      input = {
        ...common,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': tenantKeys.auditPrefix },
      }
    }
    // An entity's trail inside one evaluation is the entity's trail filtered: read it to the end.
    const isFiltered = Boolean(entity && evaluationId)
    if (isFiltered) delete input.Limit
    const entries: AuditEntry[] = []
    let startKey: Record<string, unknown> | undefined
    do {
      const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }))
      const index = input.IndexName ?? 'table'
      const rows = tenantRows({
        items: page.Items ?? [],
        tenantId: options.tenantId,
        index,
        onForeignRow: this.onForeignRow,
      })
      for (const item of rows) {
        const entry = AuditEntrySchema.parse(withoutKeys(item))
        if (!isFiltered || entry.evaluationId === evaluationId) entries.push(entry)
      }
      startKey = isFiltered ? page.LastEvaluatedKey : undefined
    } while (startKey)
    return entries.slice(0, options.limit ?? 200)
  }
}
