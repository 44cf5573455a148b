import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import { ConflictError, type StoredCredential } from '@pingce/core'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it } from 'vitest'
import { DynamoCredentialStore } from './dynamo-credential-store'

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }))
const docMock = mockClient(doc)
const store = new DynamoCredentialStore({ doc, tableName: 'pingce' })
const admin: StoredCredential = {
  email: 'Admin@Zhengzhou.gov.cn',
  tenantId: 'zhengzhou',
  userId: 'u-1',
  role: 'admin',
  unitId: undefined,
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  failedAttempts: 0,
  lockedUntil: undefined,
  isDisabled: false,
  version: 1,
}
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'failed', $metadata: {} })

describe('DynamoCredentialStore', () => {
  beforeEach(() => docMock.reset())

  it('claims the lowercased email once, with the GSI1 keys of tenant and user', async () => {
    // Prepare
    docMock.on(PutCommand).resolves({})
    // Act
    await store.createCredential({ credential: admin })
    // Assess
    const input = docMock.commandCalls(PutCommand)[0]?.args[0].input
    expect(input?.ConditionExpression).toBe('attribute_not_exists(pk)')
    expect(input?.Item).toMatchObject({
      pk: 'PLATFORM#LOGINS',
      sk: 'EMAIL#admin@zhengzhou.gov.cn',
      gsi1pk: 'PLATFORM#LOGINS',
      gsi1sk: 'USER#zhengzhou#u-1',
      email: 'admin@zhengzhou.gov.cn',
      version: 1,
    })
    expect(Object.values(input?.Item ?? {})).not.toContain(undefined)
  })

  it('answers a taken email with a ConflictError naming email', async () => {
    docMock.on(PutCommand).rejects(conditionFailed())
    const error = await store.createCredential({ credential: admin }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).issues).toEqual([{ path: 'email', message: 'already registered' }])
  })

  it('updates only at the version read, writing the next version', async () => {
    docMock.on(PutCommand).resolves({})
    const next = await store.updateCredential({ credential: { ...admin, version: 3, failedAttempts: 2 } })
    expect(next.version).toBe(4)
    const input = docMock.commandCalls(PutCommand)[0]?.args[0].input
    expect(input?.ConditionExpression).toBe('attribute_exists(pk) AND #version = :expected')
    expect(input?.ExpressionAttributeValues).toEqual({ ':expected': 3 })
    expect(input?.Item).toMatchObject({ version: 4, failedAttempts: 2 })
  })

  it('answers a lost update race with 409', async () => {
    docMock.on(PutCommand).rejects(conditionFailed())
    await expect(store.updateCredential({ credential: admin })).rejects.toMatchObject({ status: 409 })
  })

  it('counts a sign-in attempt in one conditional UpdateItem, reading the login back when refused', async () => {
    // Prepare
    const item = { pk: 'PLATFORM#LOGINS', sk: 'EMAIL#admin@zhengzhou.gov.cn', type: 'Login', ...admin }
    docMock
      .on(UpdateCommand)
      .rejectsOnce(conditionFailed())
      .resolves({ Attributes: { ...item, version: 2 } })
    docMock.on(GetCommand).resolves({ Item: { ...item, failedAttempts: 5 } })
    const attempt = { email: 'ADMIN@zhengzhou.gov.cn', maxAttempts: 5, now: '2026-11-23T08:00:00.000Z' }
    // Act
    const refused = await store.admitSignInAttempt(attempt)
    const admitted = await store.admitSignInAttempt(attempt)
    // Assess
    expect(refused).toMatchObject({ isApplied: false, credential: { failedAttempts: 5 } })
    expect(admitted).toMatchObject({ isApplied: true, credential: { version: 2 } })
    const input = docMock.commandCalls(UpdateCommand)[0]?.args[0].input
    expect(input).toMatchObject({
      Key: { pk: 'PLATFORM#LOGINS', sk: 'EMAIL#admin@zhengzhou.gov.cn' },
      UpdateExpression:
        'SET failedAttempts = failedAttempts + :one, #version = #version + :one REMOVE lockedUntil',
      ExpressionAttributeValues: { ':one': 1, ':max': 5, ':now': '2026-11-23T08:00:00.000Z' },
    })
    expect(input?.ConditionExpression).toContain('failedAttempts < :max')
    expect(docMock.commandCalls(GetCommand)[0]?.args[0].input.ConsistentRead).toBe(true)
  })

  it('rethrows other failures untouched', async () => {
    docMock.on(PutCommand).rejects(new Error('throttled'))
    await expect(store.createCredential({ credential: admin })).rejects.toThrow('throttled')
  })

  it('reads by email consistently and by user through gsi1', async () => {
    const item = { pk: 'PLATFORM#LOGINS', sk: 'EMAIL#admin@zhengzhou.gov.cn', type: 'Login', ...admin }
    docMock.on(GetCommand).resolves({ Item: item })
    docMock.on(QueryCommand).resolves({ Items: [item] })
    expect((await store.getByEmail({ email: 'ADMIN@zhengzhou.gov.cn' }))?.userId).toBe('u-1')
    expect((await store.getByUser({ tenantId: 'zhengzhou', userId: 'u-1' }))?.email).toBe(admin.email)
    expect(docMock.commandCalls(GetCommand)[0]?.args[0].input).toMatchObject({
      Key: { pk: 'PLATFORM#LOGINS', sk: 'EMAIL#admin@zhengzhou.gov.cn' },
      ConsistentRead: true,
    })
    expect(docMock.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
      ExpressionAttributeValues: { ':pk': 'PLATFORM#LOGINS', ':sk': 'USER#zhengzhou#u-1' },
    })
  })

  it('finds the operator under the tenant-less GSI key and deletes by email', async () => {
    docMock.on(QueryCommand).resolves({ Items: [] })
    docMock.on(DeleteCommand).resolves({})
    expect(await store.getByUser({ tenantId: undefined, userId: 'op-1' })).toBeUndefined()
    await store.deleteCredential({ email: 'Admin@zhengzhou.gov.cn' })
    expect(docMock.commandCalls(QueryCommand)[0]?.args[0].input.ExpressionAttributeValues).toEqual({
      ':pk': 'PLATFORM#LOGINS',
      ':sk': 'USER#-#op-1',
    })
    expect(docMock.commandCalls(DeleteCommand)[0]?.args[0].input.Key).toEqual({
      pk: 'PLATFORM#LOGINS',
      sk: 'EMAIL#admin@zhengzhou.gov.cn',
    })
  })
})
