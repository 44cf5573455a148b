import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { ConflictError } from '@pingce/core'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it } from 'vitest'
import { DynamoTenantDirectory } from './dynamo-tenant-directory'

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }))
const docMock = mockClient(doc)
const directory = new DynamoTenantDirectory({ doc, tableName: 'pingce' })
const zhengzhou = {
  tenantId: 'zhengzhou',
  name: '郑州市',
  divisionCode: '410100',
  tier: '省会' as const,
  createdAt: '2026-11-23T08:00:00.000Z',
}

function cancelled(codes: string[]) {
  return new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  })
}

describe('DynamoTenantDirectory', () => {
  beforeEach(() => docMock.reset())

  it('claims the tenant id and the division code in one conditional transaction', async () => {
    docMock.on(TransactWriteCommand).resolves({})
    await directory.createTenant({ tenant: zhengzhou })
    const [call] = docMock.commandCalls(TransactWriteCommand)
    const items = call?.args[0].input.TransactItems ?? []
    expect(items.map((item) => item.Put?.Item?.pk)).toEqual(['PLATFORM#TENANTS', 'PLATFORM#DIVISIONS'])
    expect(items.map((item) => item.Put?.Item?.sk)).toEqual(['TENANT#zhengzhou', 'DIVISION#410100'])
    expect(items.every((item) => item.Put?.ConditionExpression === 'attribute_not_exists(pk)')).toBe(true)
  })

  it('names tenantId when the id is taken', async () => {
    docMock.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed', 'None']))
    const error = await directory.createTenant({ tenant: zhengzhou }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).issues).toEqual([{ path: 'tenantId', message: 'already taken' }])
  })

  it('names divisionCode when another tenant registered it', async () => {
    docMock.on(TransactWriteCommand).rejects(cancelled(['None', 'ConditionalCheckFailed']))
    await expect(directory.createTenant({ tenant: zhengzhou })).rejects.toMatchObject({
      status: 409,
      issues: [{ path: 'divisionCode' }],
    })
  })

  it('rethrows other failures untouched', async () => {
    docMock.on(TransactWriteCommand).rejects(new Error('throttled'))
    await expect(directory.createTenant({ tenant: zhengzhou })).rejects.toThrow('throttled')
  })

  it('reads one tenant with a consistent Get and strips the key attributes', async () => {
    docMock
      .on(GetCommand)
      .resolves({ Item: { pk: 'PLATFORM#TENANTS', sk: 'TENANT#zhengzhou', type: 'Tenant', ...zhengzhou } })
    expect(await directory.getTenant({ tenantId: 'zhengzhou' })).toEqual(zhengzhou)
    expect(docMock.commandCalls(GetCommand)[0]?.args[0].input).toMatchObject({
      Key: { pk: 'PLATFORM#TENANTS', sk: 'TENANT#zhengzhou' },
      ConsistentRead: true,
    })
  })

  it('lists tenants by Query across pages, never Scan', async () => {
    const kaifeng = {
      ...zhengzhou,
      tenantId: 'kaifeng',
      name: '开封市',
      divisionCode: '410200',
      tier: '地市' as const,
    }
    docMock
      .on(QueryCommand)
      .resolvesOnce({
        Items: [zhengzhou],
        LastEvaluatedKey: { pk: 'PLATFORM#TENANTS', sk: 'TENANT#zhengzhou' },
      })
      .resolvesOnce({ Items: [kaifeng] })
    expect((await directory.listTenants()).map((t) => t.tenantId)).toEqual(['zhengzhou', 'kaifeng'])
    expect(docMock.commandCalls(QueryCommand)).toHaveLength(2)
  })
})
