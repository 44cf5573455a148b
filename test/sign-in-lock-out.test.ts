import { type AppDeps, createApp, createDependencies, createLogger, loadConfig } from '@pingce/api'
import { DynamoCredentialStore } from '@pingce/aws'
import { beforeAll, describe, expect, it } from 'vitest'
import { LocalIdentityProvider, maxFailedAttempts } from '../functions/api/src/auth/local-identity-provider'
import { createPasswordHasher, type PasswordHasher } from '../functions/api/src/auth/password-hasher'
import { createTokenSigner } from '../functions/api/src/auth/token-signer'
import { createTestStorage, type TestStorage } from './support/local-storage'

/**
 * The lock-out under parallel guesses, over HTTP on DynamoDB Local: the app of the local product
 * with its DynamoDB credential store, and a hasher that records every password it checks.
 */

const secret = 'integration-test-secret-of-at-least-32-chars'
const password = 'CityAdmin2026'
const documented = [200, 400, 401, 429]

let storage: TestStorage
beforeAll(async () => {
  storage = await createTestStorage()
})

function lockOutApp(): { app: ReturnType<typeof createApp>; checked: string[] } {
  const config = loadConfig({
    PINGCE_TABLE_NAME: storage.tableName,
    PINGCE_BUCKET_NAME: storage.bucketName,
    PINGCE_DYNAMODB_ENDPOINT: storage.dynamoEndpoint,
    PINGCE_S3_ENDPOINT: storage.s3Endpoint,
    PINGCE_TOKEN_SECRET: secret,
    LOG_LEVEL: 'silent',
  })
  const cheap = createPasswordHasher({ parameters: { memorySize: 256, iterations: 1, parallelism: 1 } })
  const checked: string[] = []
  const hasher: PasswordHasher = {
    hash: (options) => cheap.hash(options),
    verify: (options) => {
      checked.push(options.password)
      return cheap.verify(options)
    },
  }
  const deps: AppDeps = {
    ...createDependencies({ config, logger: createLogger({ level: 'silent' }) }),
    identity: new LocalIdentityProvider({
      credentials: new DynamoCredentialStore({ doc: storage.clients.doc, tableName: storage.tableName }),
      hasher,
      signer: createTokenSigner({ secret }),
    }),
    rateLimit: { capacity: 10_000, refillPerSecond: 10_000 },
  }
  return { app: createApp(deps), checked }
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  }
  return copy
}

describe('POST /auth/token under 30 parallel guesses (DynamoDB Local)', () => {
  it('checks at most 5 passwords, answers only documented statuses and issues no token once locked', async () => {
    // Prepare
    const { app, checked } = lockOutApp()
    const email = `admin-${Date.now().toString(36)}@lockout.example`
    const signup = await app.request('/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: `lockout-${Date.now().toString(36)}`,
        name: '锁定市',
        divisionCode: '419900',
        tier: '地市',
        admin: { email, displayName: '管理员', password },
      }),
    })
    expect(signup.status).toBe(201)
    checked.length = 0
    const guesses = shuffled([...Array.from({ length: 29 }, (_, i) => `Wrong-guess-${i}`), password])
    const signIn = (guess: string) =>
      app.request('/auth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: guess }),
      })
    // Act
    const responses = await Promise.all(guesses.map(signIn))
    // Assess
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => !documented.includes(status))).toEqual([])
    expect(checked.length).toBeLessThanOrEqual(maxFailedAttempts)
    const right = statuses[guesses.indexOf(password)]
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(right === 200 ? 1 : 0)
    // A token only for the right password, and only if it was among the few checked before the lock.
    if (right === 200) expect(checked).toContain(password)
    else {
      // Locked now: the right password again, in parallel with more guesses, gets no token.
      checked.length = 0
      const again = await Promise.all([password, 'Wrong-guess-x', password].map(signIn))
      expect(again.map((response) => response.status)).toEqual([429, 429, 429])
      expect(checked).toEqual([])
    }
  })
})
