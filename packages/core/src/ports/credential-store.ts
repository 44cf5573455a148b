import { RoleSchema } from '../auth/role'
import { z } from '../zod'

/**
 * One local login: the stand-in for a Cognito user when the API issues its own tokens. It is
 * platform data (found by email before the tenant is known), so it is not inside any tenant.
 */
export const StoredCredentialSchema = z.object({
  email: z.string().min(3),
  /** Absent only for the platform operator. */
  tenantId: z.string().min(1).optional(),
  userId: z.string().min(1),
  role: RoleSchema,
  unitId: z.string().min(1).optional(),
  /** PHC string, e.g. `$argon2id$v=19$m=19456,t=2,p=1$…`; never leaves the identity provider. */
  passwordHash: z.string().min(1),
  /**
   * Sign-in attempts counted since the last success, lock-out or reset. An attempt is counted before
   * its password is checked (see {@link CredentialStore.admitSignInAttempt}), so this also counts the
   * attempts still in flight; a success sets it back to 0.
   */
  failedAttempts: z.number().int().min(0),
  /** ISO time until which sign-in is refused. */
  lockedUntil: z.string().datetime().optional(),
  isDisabled: z.boolean(),
  /** Optimistic-locking counter: every update must name the version it read. */
  version: z.number().int().min(1),
})
export type StoredCredential = z.infer<typeof StoredCredentialSchema>

/** What a sign-in's bookkeeping did: whether its condition held, and the login as stored after it. */
export interface SignInAttemptOutcome {
  isApplied: boolean
  /** Undefined when there is no login for the email. */
  credential: StoredCredential | undefined
}

/**
 * Where the local identity provider keeps logins. Emails are stored lowercased.
 *
 * The lock-out is kept by three conditional writes, each one atomic (one UpdateItem in DynamoDB), so
 * that it holds however many sign-ins run at once: admit (count the attempt before checking the
 * password), lock out (after a wrong password, once the attempts are used up), clear (after the right
 * password, unless locked: the re-check before a token is issued). Each also raises `version`.
 */
export interface CredentialStore {
  /** Claims the email once; fails with ConflictError naming `email` when it is taken. */
  createCredential(options: { credential: StoredCredential }): Promise<void>
  getByEmail(options: { email: string }): Promise<StoredCredential | undefined>
  /** The login of a user of a tenant (`tenantId` undefined: the operator's). */
  getByUser(options: { tenantId: string | undefined; userId: string }): Promise<StoredCredential | undefined>
  /**
   * Replaces the login if it is still at `credential.version`, storing `version + 1`; fails with
   * ConflictError when someone else wrote it first. The email cannot change.
   */
  updateCredential(options: { credential: StoredCredential }): Promise<StoredCredential>
  /**
   * Counts one sign-in attempt before its password is checked: `failedAttempts` goes up by one only if
   * the login is not locked at `now` (an expired lock is removed) and fewer than `maxAttempts` are
   * counted. `isApplied` false means refused: the password must not be checked.
   */
  admitSignInAttempt(options: {
    email: string
    maxAttempts: number
    now: string
  }): Promise<SignInAttemptOutcome>
  /**
   * After a wrong password: if `failedAttempts` has reached `maxAttempts`, locks the login until
   * `lockedUntil` and sets the count back to 0 (after the lock, the full number of attempts again).
   */
  lockOutIfExhausted(options: {
    email: string
    maxAttempts: number
    lockedUntil: string
  }): Promise<SignInAttemptOutcome>
  /** After the right password: sets the count back to 0 unless the login is locked at `now`. */
  clearFailedAttempts(options: { email: string; now: string }): Promise<SignInAttemptOutcome>
  /** Removes a login; used to undo a sign-up or invitation whose later steps failed. */
  deleteCredential(options: { email: string }): Promise<void>
}
