import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import {
  ConflictError,
  type CredentialStore,
  type SignInAttemptOutcome,
  type StoredCredential,
  StoredCredentialSchema,
} from '@pingce/core'
import { platformKeys } from './keys'

/**
 * Local logins under `PLATFORM#LOGINS`, one item per email, found by tenant and user through GSI1.
 * Platform data, so it uses the function's own client: the tenant-scoped role cannot reach it,
 * which is the point (no tenant may read another's password hashes).
 */
export class DynamoCredentialStore implements CredentialStore {
  readonly #doc: DynamoDBDocumentClient
  readonly #tableName: string

  constructor(options: { doc: DynamoDBDocumentClient; tableName: string }) {
    this.#doc = options.doc
    this.#tableName = options.tableName
  }

  async createCredential({ credential }: { credential: StoredCredential }): Promise<void> {
    try {
      await this.#doc.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: toItem(
            StoredCredentialSchema.parse({ ...credential, email: credential.email.toLowerCase() }),
          ),
          // The email is the key, so this condition is what makes an email claimable once.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConflictError({
          message: '该邮箱已被使用',
          issues: [{ path: 'email', message: 'already registered' }],
        })
      }
      throw error
    }
  }

  async getByEmail({ email }: { email: string }): Promise<StoredCredential | undefined> {
    const result = await this.#doc.send(
      new GetCommand({
        TableName: this.#tableName,
        Key: platformKeys.loginByEmail(email),
        ConsistentRead: true,
      }),
    )
    return result.Item ? StoredCredentialSchema.parse(result.Item) : undefined
  }

  async getByUser(options: {
    tenantId: string | undefined
    userId: string
  }): Promise<StoredCredential | undefined> {
    const key = platformKeys.loginByUser(options.tenantId, options.userId)
    // GSIs are eventually consistent: a reset right after an invitation may not see it for a moment.
    const result = await this.#doc.send(
      new QueryCommand({
        TableName: this.#tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
        ExpressionAttributeValues: { ':pk': key.gsi1pk, ':sk': key.gsi1sk },
        Limit: 1,
      }),
    )
    const [item] = result.Items ?? []
    return item ? StoredCredentialSchema.parse(item) : undefined
  }

  async updateCredential({ credential }: { credential: StoredCredential }): Promise<StoredCredential> {
    const next = StoredCredentialSchema.parse({
      ...credential,
      email: credential.email.toLowerCase(),
      version: credential.version + 1,
    })
    try {
      await this.#doc.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: toItem(next),
          ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': credential.version },
        }),
      )
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConflictError({ message: '登录信息已被同时修改，请重试' })
      }
      throw error
    }
    return next
  }

  async admitSignInAttempt(options: {
    email: string
    maxAttempts: number
    now: string
  }): Promise<SignInAttemptOutcome> {
    return this.#updateIf({
      email: options.email,
      update: 'SET failedAttempts = failedAttempts + :one, #version = #version + :one REMOVE lockedUntil',
      // ISO times of one format (toISOString) compare as strings in time order.
      condition:
        'attribute_exists(pk) AND failedAttempts < :max AND (attribute_not_exists(lockedUntil) OR lockedUntil <= :now)',
      values: { ':max': options.maxAttempts, ':now': options.now },
    })
  }

  async lockOutIfExhausted(options: {
    email: string
    maxAttempts: number
    lockedUntil: string
  }): Promise<SignInAttemptOutcome> {
    return this.#updateIf({
      email: options.email,
      update: 'SET lockedUntil = :until, failedAttempts = :zero, #version = #version + :one',
      condition: 'attribute_exists(pk) AND failedAttempts >= :max',
      values: { ':max': options.maxAttempts, ':until': options.lockedUntil, ':zero': 0 },
    })
  }

  async clearFailedAttempts(options: { email: string; now: string }): Promise<SignInAttemptOutcome> {
    return this.#updateIf({
      email: options.email,
      update: 'SET failedAttempts = :zero, #version = #version + :one REMOVE lockedUntil',
      condition: 'attribute_exists(pk) AND (attribute_not_exists(lockedUntil) OR lockedUntil <= :now)',
      values: { ':now': options.now, ':zero': 0 },
    })
  }

  async deleteCredential({ email }: { email: string }): Promise<void> {
    await this.#doc.send(
      new DeleteCommand({ TableName: this.#tableName, Key: platformKeys.loginByEmail(email) }),
    )
  }

  /** One conditional UpdateItem; when its condition fails, the login as it is (consistent read). */
  async #updateIf(options: {
    email: string
    update: string
    condition: string
    values: Record<string, unknown>
  }): Promise<SignInAttemptOutcome> {
    try {
      const result = await this.#doc.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: platformKeys.loginByEmail(options.email),
          UpdateExpression: options.update,
          ConditionExpression: options.condition,
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':one': 1, ...options.values },
          ReturnValues: 'ALL_NEW',
        }),
      )
      return { isApplied: true, credential: StoredCredentialSchema.parse(result.Attributes) }
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error
      return { isApplied: false, credential: await this.getByEmail({ email: options.email }) }
    }
  }
}

function toItem(credential: StoredCredential): Record<string, unknown> {
  // Absent optionals are left out rather than written as undefined: the client may not strip them.
  const item: Record<string, unknown> = {
    ...platformKeys.loginByEmail(credential.email),
    ...platformKeys.loginByUser(credential.tenantId, credential.userId),
    type: 'Login',
  }
  for (const [name, value] of Object.entries(credential)) if (value !== undefined) item[name] = value
  return item
}
