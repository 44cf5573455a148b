import type { AuthContext } from '../auth/auth-context'
import type { Role } from '../auth/role'

export interface IssuedToken {
  accessToken: string
  tokenType: 'Bearer'
  expiresIn: number
}

/**
 * Credentials and tokens. Locally the API issues and verifies its own tokens (argon2id hashes,
 * expiring JWTs, lock-out); in AWS it is Amazon Cognito, with tenant and role as immutable custom
 * attributes. Either way a token carries tenant and role, and only a verified token makes an
 * {@link AuthContext}.
 */
export interface IdentityProvider {
  createIdentity(options: {
    tenantId: string | undefined
    userId: string
    email: string
    role: Role
    unitId: string | undefined
    password: string
  }): Promise<void>
  /** Fails with UnauthorizedError for a wrong email or password and RateLimitedError while locked out. */
  signIn(options: { email: string; password: string }): Promise<IssuedToken>
  /** Admin reset; also lifts a lock-out. Only for an identity of the given tenant. */
  resetPassword(options: { tenantId: string; userId: string; newPassword: string }): Promise<void>
  disableIdentity(options: { tenantId: string; userId: string }): Promise<void>
  /** Removes an identity entirely: the undo of a sign-up or invitation that failed half-way. */
  deleteIdentity(options: { tenantId: string; userId: string }): Promise<void>
  /** Verifies the bearer token (or the authorizer's claims) and returns the caller, or throws UnauthorizedError. */
  verify(options: {
    token: string | undefined
    authorizerClaims: Record<string, unknown> | undefined
  }): Promise<AuthContext>
}
