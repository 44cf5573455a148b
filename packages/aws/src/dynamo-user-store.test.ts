import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb'
import type { User } from '@pingce/core'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it } from 'vitest'
import { DynamoUserStore } from './dynamo-user-store'
import type { TenantScopedClients } from './tenant-scoped-clients'

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }))
const docMock = mockClient(doc)
const askedFor: string[] = []
const clients: TenantScopedClients = {
  forTenant: async (tenantId) => {
    askedFor.push(tenantId)
    return { doc, s3: undefined as never }
  },
}
const store = new DynamoUserStore({ clients, tableName: 'pingce' })
const evaluator: User = {
  userId: 'u-2',
  email: 'li@zhengzhou.gov.cn',
  displayName: '李评估',
  role: 'evaluator',
  createdAt: '2026-11-23T08:00:00.000Z',
  createdBy: 'u-1',
  isActive: true,
}

describe('DynamoUserStore', () => {
  beforeEach(() => {
    docMock.reset()
    askedFor.length = 0
  })

  it('writes the user and its audit entry into the tenant partition in one transaction, with the tenant-scoped client', async () => {
    // Prepare
    docMock.on(TransactWriteCommand).resolves({})
    const audit = {
      auditId: 'a1',
      at: '2026-11-23T08:00:00.000Z',
      actorId: 'u-1',
      actorRole: 'admin',
      action: 'user.invite',
      entityType: 'user',
      entityId: 'u-2',
      after: evaluator,
    }
    // Act
    await store.putUser({ tenantId: 'zhengzhou', user: evaluator, audit })
    // Assess
    expect(askedFor).toEqual(['zhengzhou'])
    const items = docMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? []
    expect(items[1]?.Put?.Item).toMatchObject({ pk: 'TENANT#zhengzhou', type: 'Audit', entityId: 'u-2' })
    expect(items[0]?.Put?.Item).toMatchObject({
      pk: 'TENANT#zhengzhou',
      sk: 'USER#u-2',
      type: 'User',
      displayName: '李评估',
    })
  })

  it('reads one user by its key and strips the key attributes', async () => {
    docMock
      .on(GetCommand)
      .resolves({ Item: { pk: 'TENANT#zhengzhou', sk: 'USER#u-2', type: 'User', ...evaluator } })
    expect(await store.getUser({ tenantId: 'zhengzhou', userId: 'u-2' })).toEqual(evaluator)
    expect(docMock.commandCalls(GetCommand)[0]?.args[0].input.Key).toEqual({
      pk: 'TENANT#zhengzhou',
      sk: 'USER#u-2',
    })
    expect(askedFor).toEqual(['zhengzhou'])
  })

  it('answers undefined for a user that is not in the tenant', async () => {
    docMock.on(GetCommand).resolves({})
    expect(await store.getUser({ tenantId: 'kaifeng', userId: 'u-2' })).toBeUndefined()
  })

  it('lists by Query on the partition and USER# prefix across pages, never Scan', async () => {
    docMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [evaluator], LastEvaluatedKey: { pk: 'TENANT#zhengzhou', sk: 'USER#u-2' } })
      .resolvesOnce({ Items: [{ ...evaluator, userId: 'u-3' }] })
    const users = await store.listUsers({ tenantId: 'zhengzhou' })
    expect(users.map((user) => user.userId)).toEqual(['u-2', 'u-3'])
    expect(docMock.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'TENANT#zhengzhou', ':prefix': 'USER#' },
    })
    expect(docMock.commandCalls(ScanCommand)).toHaveLength(0)
    expect(askedFor).toEqual(['zhengzhou'])
  })

  it('refuses a tenant id that could forge a key', async () => {
    await expect(store.getUser({ tenantId: 'TENANT#x', userId: 'u-2' })).rejects.toThrow()
  })
})
