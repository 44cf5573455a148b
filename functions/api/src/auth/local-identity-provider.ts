import {
  type AuthContext,
  ConflictError,
  type CredentialStore,
  type IdentityProvider,
  type IssuedToken,
  NotFoundError,
  RateLimitedError,
  type Role,
  type StoredCredential,
  UnauthorizedError,
} from '@pingce/core'
import type { PasswordHasher } from './password-hasher'
import type { TokenSigner } from './token-signer'

export const maxFailedAttempts = 5
export const lockOutMinutes = 15
const maxUpdateAttempts = 3
// One message for an unknown email and a wrong password, so sign-in cannot tell which emails exist.
const wrongCredentialsMessage = '邮箱或密码错误'

/**
 * The identity provider when the API issues its own tokens (locally and in tests): argon2id hashes,
 * HS256 tokens, and a lock-out of {@link lockOutMinutes} minutes after {@link maxFailedAttempts}
 * consecutive failures, which only time or an admin reset lifts.
 */
export class LocalIdentityProvider implements IdentityProvider {
  readonly #credentials: CredentialStore
  readonly #hasher: PasswordHasher
  readonly #signer: TokenSigner
  readonly #clock: () => Date
  #decoyHash: Promise<string> | undefined

  constructor(options: {
    credentials: CredentialStore
    hasher: PasswordHasher
    signer: TokenSigner
    clock?: () => Date
  }) {
    this.#credentials = options.credentials
    this.#hasher = options.hasher
    this.#signer = options.signer
    this.#clock = options.clock ?? (() => new Date())
  }

  async createIdentity(options: {
    tenantId: string | undefined
    userId: string
    email: string
    role: Role
    unitId: string | undefined
    password: string
  }): Promise<void> {
    await this.#credentials.createCredential({
      credential: {
        email: options.email.toLowerCase(),
        tenantId: options.tenantId,
        userId: options.userId,
        role: options.role,
        unitId: options.unitId,
        passwordHash: await this.#hasher.hash({ password: options.password }),
        failedAttempts: 0,
        lockedUntil: undefined,
        isDisabled: false,
        version: 1,
      },
    })
  }

  async signIn({ email, password }: { email: string; password: string }): Promise<IssuedToken> {
    const credential = await this.#credentials.getByEmail({ email })
    if (!credential) {
      // Spend the same hashing time as for a real account, so timing does not reveal the email either.
      this.#decoyHash ??= this.#hasher.hash({ password: crypto.randomUUID() })
      await this.#hasher.verify({ password, hash: await this.#decoyHash })
      throw new UnauthorizedError({ message: wrongCredentialsMessage })
    }
    // While locked the password is not even checked: guessing stays impossible until the lock ends.
    this.#throwIfLocked(credential)
    if (!(await this.#hasher.verify({ password, hash: credential.passwordHash }))) {
      await this.#recordFailure(credential)
    }
    if (credential.isDisabled) throw new UnauthorizedError({ message: '该账户已停用，请联系管理员' })
    if (credential.failedAttempts > 0 || credential.lockedUntil) {
      await this.#update(credential, (current) => ({ ...current, failedAttempts: 0, lockedUntil: undefined }))
    }
    return this.#signer.sign({ context: toContext(credential) })
  }

  async resetPassword(options: { tenantId: string; userId: string; newPassword: string }): Promise<void> {
    const credential = await this.#credentialOf(options)
    const passwordHash = await this.#hasher.hash({ password: options.newPassword })
    await this.#update(credential, (current) => ({
      ...current,
      passwordHash,
      failedAttempts: 0,
      lockedUntil: undefined,
    }))
  }

  async disableIdentity(options: { tenantId: string; userId: string }): Promise<void> {
    const credential = await this.#credentialOf(options)
    await this.#update(credential, (current) => ({ ...current, isDisabled: true }))
  }

  /** Undo of {@link createIdentity} when a later step of a sign-up or invitation fails. */
  async deleteIdentity(options: { tenantId: string; userId: string }): Promise<void> {
    const credential = await this.#credentialOf(options)
    await this.#credentials.deleteCredential({ email: credential.email })
  }

  /** Tokens are self-contained: a disabled user's token works until it expires (1 h by default). */
  async verify({
    token,
  }: {
    token: string | undefined
    authorizerClaims: Record<string, unknown> | undefined
  }) {
    if (!token) throw new UnauthorizedError({ message: '请先登录' })
    return this.#signer.verify({ token })
  }

  #throwIfLocked(credential: StoredCredential): void {
    if (!credential.lockedUntil) return
    const remainingMs = Date.parse(credential.lockedUntil) - this.#clock().getTime()
    if (remainingMs > 0) throw lockedOut(Math.ceil(remainingMs / 1000))
  }

  async #recordFailure(credential: StoredCredential): Promise<never> {
    const updated = await this.#update(credential, (current) => {
      const failedAttempts = current.failedAttempts + 1
      if (failedAttempts < maxFailedAttempts) return { ...current, failedAttempts }
      const until = new Date(this.#clock().getTime() + lockOutMinutes * 60_000)
      // The counter restarts, so after the lock the user again has the full number of attempts.
      return { ...current, failedAttempts: 0, lockedUntil: until.toISOString() }
    })
    if (updated.lockedUntil && Date.parse(updated.lockedUntil) > this.#clock().getTime()) {
      throw lockedOut(lockOutMinutes * 60)
    }
    throw new UnauthorizedError({ message: wrongCredentialsMessage })
  }

  /** Read-modify-write with the version check; a concurrent sign-in makes it re-read and re-apply. */
  async #update(
    credential: StoredCredential,
    change: (current: StoredCredential) => StoredCredential,
  ): Promise<StoredCredential> {
    let current = credential
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#credentials.updateCredential({ credential: change(current) })
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= maxUpdateAttempts) throw error
        const reread = await this.#credentials.getByEmail({ email: current.email })
        if (!reread) throw error
        current = reread
      }
    }
  }

  async #credentialOf(options: { tenantId: string; userId: string }): Promise<StoredCredential> {
    const credential = await this.#credentials.getByUser(options)
    // Checked again although the key already holds the tenant: a reset must never cross tenants.
    if (!credential || credential.tenantId !== options.tenantId) {
      throw new NotFoundError({ message: '未找到该用户' })
    }
    return credential
  }
}

function toContext(credential: StoredCredential): AuthContext {
  return {
    userId: credential.userId,
    email: credential.email,
    role: credential.role,
    tenantId: credential.tenantId,
    unitId: credential.unitId,
  }
}

function lockedOut(retryAfterSeconds: number): RateLimitedError {
  return new RateLimitedError({
    message: `登录失败次数过多，账户已锁定，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试或联系管理员重置密码`,
    details: { retryAfterSeconds },
  })
}
