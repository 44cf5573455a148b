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

  /**
   * The attempt is counted before its password is checked and the count is set back only by a
   * success, each step one conditional write: however many sign-ins run at once, at most
   * {@link maxFailedAttempts} passwords are checked per lock window, and none gets a token once locked.
   */
  async signIn({ email, password }: { email: string; password: string }): Promise<IssuedToken> {
    const admission = await this.#credentials.admitSignInAttempt({
      email,
      maxAttempts: maxFailedAttempts,
      now: this.#clock().toISOString(),
    })
    const credential = admission.credential
    if (!credential) {
      // Spend the same hashing time as for a real account, so timing does not reveal the email either.
      this.#decoyHash ??= this.#hasher.hash({ password: crypto.randomUUID() })
      await this.#hasher.verify({ password, hash: await this.#decoyHash })
      throw new UnauthorizedError({ message: wrongCredentialsMessage })
    }
    // Refused (locked, or this window's attempts are all taken by sign-ins still in flight): the
    // password is not even checked, so guessing stays impossible until the lock ends.
    if (!admission.isApplied) throw this.#lockedOut(credential)
    if (!(await this.#hasher.verify({ password, hash: credential.passwordHash }))) {
      const { credential: after } = await this.#credentials.lockOutIfExhausted({
        email,
        maxAttempts: maxFailedAttempts,
        lockedUntil: new Date(this.#clock().getTime() + lockOutMinutes * 60_000).toISOString(),
      })
      if (after && this.#remainingLockMs(after) > 0) throw this.#lockedOut(after)
      throw new UnauthorizedError({ message: wrongCredentialsMessage })
    }
    if (credential.isDisabled) throw new UnauthorizedError({ message: '该账户已停用，请联系管理员' })
    // The re-check before the token: a wrong guess running beside this one may have locked the login.
    const cleared = await this.#credentials.clearFailedAttempts({ email, now: this.#clock().toISOString() })
    if (!cleared.credential) throw new UnauthorizedError({ message: wrongCredentialsMessage })
    if (!cleared.isApplied) throw this.#lockedOut(cleared.credential)
    return this.#signer.sign({ context: toContext(cleared.credential) })
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

  #remainingLockMs(credential: StoredCredential): number {
    if (!credential.lockedUntil) return 0
    return Date.parse(credential.lockedUntil) - this.#clock().getTime()
  }

  /**
   * The 429 of a refused attempt. Without a lock yet, the attempts are used up by sign-ins in flight,
   * which lock the login unless one of them is right: the caller is told the whole lock time.
   */
  #lockedOut(credential: StoredCredential): RateLimitedError {
    const remainingMs = this.#remainingLockMs(credential)
    return lockedOut(remainingMs > 0 ? Math.ceil(remainingMs / 1000) : lockOutMinutes * 60)
  }

  /** Read-modify-write with the version check; a concurrent write makes it re-read and re-apply. */
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
