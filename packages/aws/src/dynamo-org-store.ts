import { GetCommand } from '@aws-sdk/lib-dynamodb'
import {
  type AuditEntry,
  maxUnitsPerWrite,
  type OrgStore,
  type Unit,
  type UnitGroup,
  UnitGroupSchema,
  UnitSchema,
} from '@pingce/core'
import { auditPut, type TransactItem } from './evaluation-items'
import { tenantKeys, tenantPartition } from './keys'
import { queryAll, withoutKeys } from './query-all'
import { tenantRows } from './tenant-rows'
import { TenantTableStore } from './tenant-table-store'

/** Unit groups and units in the tenant partition; units of a group through GSI1. */
export class DynamoOrgStore extends TenantTableStore implements OrgStore {
  async putGroup({
    tenantId,
    group,
    audit,
  }: {
    tenantId: string
    group: UnitGroup
    audit: AuditEntry
  }): Promise<void> {
    await this.transact(tenantId, [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...tenantKeys.group(tenantId, group.groupId),
            type: 'UnitGroup',
            ...UnitGroupSchema.parse(group),
          },
        },
      },
      auditPut({ tenantId, tableName: this.tableName, audit }),
    ])
  }

  async getGroup({
    tenantId,
    groupId,
  }: {
    tenantId: string
    groupId: string
  }): Promise<UnitGroup | undefined> {
    const { doc } = await this.clients.forTenant(tenantId)
    const result = await doc.send(
      new GetCommand({ TableName: this.tableName, Key: tenantKeys.group(tenantId, groupId) }),
    )
    return result.Item ? UnitGroupSchema.parse(withoutKeys(result.Item)) : undefined
  }

  async listGroups({ tenantId }: { tenantId: string }): Promise<UnitGroup[]> {
    const { doc } = await this.clients.forTenant(tenantId)
    const items = await queryAll({
      doc,
      input: {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': tenantPartition(tenantId), ':prefix': tenantKeys.groupPrefix },
      },
    })
    return items
      .map((item) => UnitGroupSchema.parse(withoutKeys(item)))
      .sort((a, b) => a.sortOrder - b.sortOrder || a.groupId.localeCompare(b.groupId))
  }

  async putUnits({
    tenantId,
    units,
    audit,
  }: {
    tenantId: string
    units: Unit[]
    audit: AuditEntry[]
  }): Promise<void> {
    if (units.length > maxUnitsPerWrite || audit.length !== units.length) {
      throw new Error(`write at most ${maxUnitsPerWrite} units, each with its audit entry`)
    }
    if (units.length === 0) return
    await this.transact(tenantId, [
      ...units.map((unit): TransactItem => {
        const valid = UnitSchema.parse(unit)
        return {
          Put: {
            TableName: this.tableName,
            Item: {
              ...tenantKeys.unit(tenantId, valid.unitId),
              ...tenantKeys.unitByGroup(tenantId, valid.groupId, valid.unitId),
              type: 'Unit',
              ...valid,
            },
          },
        }
      }),
      ...audit.map((entry) => auditPut({ tenantId, tableName: this.tableName, audit: entry })),
    ])
  }

  async getUnit({ tenantId, unitId }: { tenantId: string; unitId: string }): Promise<Unit | undefined> {
    const { doc } = await this.clients.forTenant(tenantId)
    const result = await doc.send(
      new GetCommand({ TableName: this.tableName, Key: tenantKeys.unit(tenantId, unitId) }),
    )
    return result.Item ? UnitSchema.parse(withoutKeys(result.Item)) : undefined
  }

  async listUnits({
    tenantId,
    groupId,
  }: {
    tenantId: string
    groupId?: string | undefined
  }): Promise<Unit[]> {
    const { doc } = await this.clients.forTenant(tenantId)
    const input = groupId
      ? {
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
          ExpressionAttributeValues: {
            ':pk': tenantPartition(tenantId),
            ':prefix': tenantKeys.unitByGroupPrefix(groupId),
          },
        }
      : {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': tenantPartition(tenantId), ':prefix': tenantKeys.unitPrefix },
          // Read after write: a unit created a moment ago must be there (an index read may lag).
          ConsistentRead: true,
        }
    const items = tenantRows({
      items: await queryAll({ doc, input }),
      tenantId,
      index: 'gsi1',
      onForeignRow: this.onForeignRow,
    })
    return items.map((item) => UnitSchema.parse(withoutKeys(item)))
  }
}
