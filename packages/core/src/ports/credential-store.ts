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
  /** Consecutive failed sign-ins since the last success, lock-out or reset. */
  failedAttempts: z.number().int().min(0),
  /** ISO time until which sign-in is refused. */
  lockedUntil: z.string().datetime().optional(),
  isDisabled: z.boolean(),
  /** Optimistic-locking counter: every update must name the version it read. */
  version: z.number().int().min(1),
})
export type StoredCredential = z.infer<typeof StoredCredentialSchema>

/** Where the local identity provider keeps logins. Emails are stored lowercased. */
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
  /** Removes a login; used to undo a sign-up or invitation whose later steps failed. */
  deleteCredential(options: { email: string }): Promise<void>
}
