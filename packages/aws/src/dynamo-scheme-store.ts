import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import {
  type AuditEntry,
  ConflictError,
  type SchemeStore,
  type StoredScheme,
  StoredSchemeSchema,
} from '@pingce/core'
import { auditPut } from './evaluation-items'
import { asConflict, isConditionFailure } from './is-condition-failure'
import { tenantKeys, tenantPartition } from './keys'
import { queryAll, withoutKeys } from './query-all'
import { TenantTableStore } from './tenant-table-store'

/** Scheme versions, one immutable item each; the latest is the last key of its prefix. */
export class DynamoSchemeStore extends TenantTableStore implements SchemeStore {
  async createVersion({
    tenantId,
    scheme,
    audit,
  }: {
    tenantId: string
    scheme: StoredScheme
    audit: AuditEntry
  }): Promise<void> {
    const valid = StoredSchemeSchema.parse(scheme)
    try {
      await this.transact(tenantId, [
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...tenantKeys.schemeVersion(tenantId, valid.schemeId, valid.version),
              type: 'SchemeVersion',
              ...valid,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        auditPut({ tenantId, tableName: this.tableName, audit }),
      ])
    } catch (error) {
      if (isConditionFailure(error, 0)) {
        throw new ConflictError({
          message: '该方案版本已存在，可能有他人同时修改了方案',
          issues: [{ path: 'version', message: `version ${valid.version} already exists` }],
        })
      }
      throw asConflict(error)
    }
  }

  async getVersion(options: {
    tenantId: string
    schemeId: string
    version: number
  }): Promise<StoredScheme | undefined> {
    const { doc } = await this.clients.forTenant(options.tenantId)
    const result = await doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: tenantKeys.schemeVersion(options.tenantId, options.schemeId, options.version),
      }),
    )
    return result.Item ? StoredSchemeSchema.parse(withoutKeys(result.Item)) : undefined
  }

  async getLatest({
    tenantId,
    schemeId,
  }: {
    tenantId: string
    schemeId: string
  }): Promise<StoredScheme | undefined> {
    const { doc } = await this.clients.forTenant(tenantId)
    const result = await doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': tenantPartition(tenantId),
          ':prefix': tenantKeys.schemeVersionPrefix(schemeId),
        },
        ScanIndexForward: false,
        Limit: 1,
      }),
    )
    const item = result.Items?.[0]
    return item ? StoredSchemeSchema.parse(withoutKeys(item)) : undefined
  }

  async listLatest({ tenantId }: { tenantId: string }): Promise<StoredScheme[]> {
    const { doc } = await this.clients.forTenant(tenantId)
    // Only the small attributes: the documents of every version are not needed to list schemes.
    const items = await queryAll({
      doc,
      input: {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': tenantPartition(tenantId), ':prefix': tenantKeys.schemePrefix },
        ProjectionExpression: 'schemeId, version',
      },
    })
    const latest = new Map<string, number>()
    for (const item of items) {
      const id = String(item.schemeId)
      latest.set(id, Math.max(latest.get(id) ?? 0, Number(item.version)))
    }
    const schemes = await Promise.all(
      [...latest].map(([schemeId, version]) => this.getVersion({ tenantId, schemeId, version })),
    )
    return schemes.filter((scheme): scheme is StoredScheme => scheme !== undefined)
  }
}
