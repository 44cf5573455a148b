import { ConflictError } from '../errors'
import {
  type CredentialStore,
  type SignInAttemptOutcome,
  type StoredCredential,
  StoredCredentialSchema,
} from '../ports/credential-store'

/** The in-memory CredentialStore for unit tests; same contract as the DynamoDB one. */
export class InMemoryCredentialStore implements CredentialStore {
  readonly #byEmail = new Map<string, StoredCredential>()

  async createCredential({ credential }: { credential: StoredCredential }): Promise<void> {
    const valid = StoredCredentialSchema.parse({ ...credential, email: credential.email.toLowerCase() })
    if (this.#byEmail.has(valid.email)) {
      throw new ConflictError({
        message: '该邮箱已被使用',
        issues: [{ path: 'email', message: 'already registered' }],
      })
    }
    this.#byEmail.set(valid.email, valid)
  }

  async getByEmail({ email }: { email: string }): Promise<StoredCredential | undefined> {
    const found = this.#byEmail.get(email.toLowerCase())
    return found ? { ...found } : undefined
  }

  async getByUser(options: {
    tenantId: string | undefined
    userId: string
  }): Promise<StoredCredential | undefined> {
    const found = [...this.#byEmail.values()].find(
      (credential) => credential.tenantId === options.tenantId && credential.userId === options.userId,
    )
    return found ? { ...found } : undefined
  }

  async updateCredential({ credential }: { credential: StoredCredential }): Promise<StoredCredential> {
    const email = credential.email.toLowerCase()
    const stored = this.#byEmail.get(email)
    if (!stored || stored.version !== credential.version) {
      throw new ConflictError({ message: '登录信息已被同时修改，请重试' })
    }
    const next = StoredCredentialSchema.parse({ ...credential, email, version: credential.version + 1 })
    this.#byEmail.set(email, next)
    return { ...next }
  }

  async admitSignInAttempt(options: {
    email: string
    maxAttempts: number
    now: string
  }): Promise<SignInAttemptOutcome> {
    return this.#changeIf(
      options.email,
      (stored) => !isLockedAt(stored, options.now) && stored.failedAttempts < options.maxAttempts,
      (stored) => ({ ...stored, failedAttempts: stored.failedAttempts + 1, lockedUntil: undefined }),
    )
  }

  async lockOutIfExhausted(options: {
    email: string
    maxAttempts: number
    lockedUntil: string
  }): Promise<SignInAttemptOutcome> {
    return this.#changeIf(
      options.email,
      (stored) => stored.failedAttempts >= options.maxAttempts,
      (stored) => ({ ...stored, failedAttempts: 0, lockedUntil: options.lockedUntil }),
    )
  }

  async clearFailedAttempts(options: { email: string; now: string }): Promise<SignInAttemptOutcome> {
    return this.#changeIf(
      options.email,
      (stored) => !isLockedAt(stored, options.now),
      (stored) => ({ ...stored, failedAttempts: 0, lockedUntil: undefined }),
    )
  }

  async deleteCredential({ email }: { email: string }): Promise<void> {
    this.#byEmail.delete(email.toLowerCase())
  }

  /** Check and write with no await between them: as atomic as DynamoDB's conditional update. */
  #changeIf(
    email: string,
    condition: (stored: StoredCredential) => boolean,
    change: (stored: StoredCredential) => StoredCredential,
  ): SignInAttemptOutcome {
    const key = email.toLowerCase()
    const stored = this.#byEmail.get(key)
    if (!stored || !condition(stored)) {
      return { isApplied: false, credential: stored ? { ...stored } : undefined }
    }
    const next = StoredCredentialSchema.parse({ ...change(stored), version: stored.version + 1 })
    this.#byEmail.set(key, next)
    return { isApplied: true, credential: { ...next } }
  }
}

function isLockedAt(credential: StoredCredential, now: string): boolean {
  return credential.lockedUntil !== undefined && Date.parse(credential.lockedUntil) > Date.parse(now)
}
