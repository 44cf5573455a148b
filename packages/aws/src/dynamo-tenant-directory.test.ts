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

  it('claims the tenant id and checks no confirmed claim holds the division code, in one transaction', async () => {
    docMock.on(TransactWriteCommand).resolves({})
    expect(await directory.createTenant({ tenant: zhengzhou })).toEqual({
      ...zhengzhou,
      divisionCodeStatus: 'pending',
    })
    const [call] = docMock.commandCalls(TransactWriteCommand)
    const [register, claim] = call?.args[0].input.TransactItems ?? []
    expect(register?.Put).toMatchObject({
      Item: { pk: 'PLATFORM#TENANTS', sk: 'TENANT#zhengzhou', divisionCodeStatus: 'pending' },
      ConditionExpression: 'attribute_not_exists(pk)',
    })
    expect(claim?.ConditionCheck).toMatchObject({
      Key: { pk: 'PLATFORM#DIVISIONS', sk: 'DIVISION#410100' },
      ConditionExpression: 'attribute_not_exists(pk)',
    })
  })

  it('confirms a code by writing its exclusive claim in one transaction with the status', async () => {
    const stored = {
      pk: 'PLATFORM#TENANTS',
      sk: 'TENANT#zhengzhou',
      ...zhengzhou,
      divisionCodeStatus: 'pending',
    }
    docMock.on(GetCommand).resolves({ Item: stored })
    docMock.on(TransactWriteCommand).resolves({})
    expect(await directory.confirmDivisionCode({ tenantId: 'zhengzhou' })).toMatchObject({
      divisionCodeStatus: 'confirmed',
    })
    const [register, claim] = docMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? []
    expect(register?.Update).toMatchObject({
      Key: { pk: 'PLATFORM#TENANTS', sk: 'TENANT#zhengzhou' },
      ExpressionAttributeValues: { ':status': 'confirmed' },
    })
    expect(claim?.Put).toMatchObject({
      Item: { pk: 'PLATFORM#DIVISIONS', sk: 'DIVISION#410100', tenantId: 'zhengzhou' },
      ConditionExpression: 'attribute_not_exists(pk) OR tenantId = :tenantId',
    })
  })

  it('names divisionCode when the code is confirmed for another tenant at confirmation', async () => {
    docMock.on(GetCommand).resolves({ Item: { ...zhengzhou, divisionCodeStatus: 'pending' } })
    docMock.on(TransactWriteCommand).rejects(cancelled(['None', 'ConditionalCheckFailed']))
    await expect(directory.confirmDivisionCode({ tenantId: 'zhengzhou' })).rejects.toMatchObject({
      status: 409,
      issues: [{ path: 'divisionCode' }],
    })
  })

  it('frees the claim of a confirmed code when rejecting it, re-reading once when the status moved', async () => {
    docMock
      .on(GetCommand)
      .resolvesOnce({ Item: { ...zhengzhou, divisionCodeStatus: 'pending' } })
      .resolves({ Item: { ...zhengzhou, divisionCodeStatus: 'confirmed' } })
    docMock
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled(['ConditionalCheckFailed']))
      .resolves({})
    expect(await directory.rejectDivisionCode({ tenantId: 'zhengzhou' })).toMatchObject({
      divisionCodeStatus: 'rejected',
    })
    const calls = docMock.commandCalls(TransactWriteCommand)
    expect(calls).toHaveLength(2)
    const [register, claim] = calls[1]?.args[0].input.TransactItems ?? []
    expect(register?.Update?.ExpressionAttributeValues).toEqual({
      ':status': 'rejected',
      ':read': 'confirmed',
    })
    expect(claim?.Delete).toMatchObject({
      Key: { pk: 'PLATFORM#DIVISIONS', sk: 'DIVISION#410100' },
      ConditionExpression: 'tenantId = :tenantId',
    })
  })

  it('reads a tenant registered before confirmation existed as confirmed: it holds its claim', async () => {
    docMock
      .on(GetCommand)
      .resolves({ Item: { pk: 'PLATFORM#TENANTS', sk: 'TENANT#zhengzhou', ...zhengzhou } })
    expect(await directory.getTenant({ tenantId: 'zhengzhou' })).toEqual({
      ...zhengzhou,
      divisionCodeStatus: 'confirmed',
    })
  })

  it('names tenantId when the id is taken', async () => {
    docMock.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed', 'None']))
    const error = await directory.createTenant({ tenant: zhengzhou }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).issues).toEqual([{ path: 'tenantId', message: 'already taken' }])
  })

  it('names divisionCode at sign-up when the code is confirmed for another tenant', async () => {
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
    docMock.on(GetCommand).resolves({
      Item: {
        pk: 'PLATFORM#TENANTS',
        sk: 'TENANT#zhengzhou',
        type: 'Tenant',
        ...zhengzhou,
        divisionCodeStatus: 'pending',
      },
    })
    expect(await directory.getTenant({ tenantId: 'zhengzhou' })).toEqual({
      ...zhengzhou,
      divisionCodeStatus: 'pending',
    })
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
