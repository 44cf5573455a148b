import type { AuthContext, IssuedToken } from '@pingce/core'
import { UnauthorizedError, VerifiedAuthContextSchema } from '@pingce/core'
import { errors, jwtVerify, SignJWT } from 'jose'

export interface TokenSigner {
  sign(options: { context: AuthContext }): Promise<IssuedToken>
  /** The caller the token names, or UnauthorizedError for anything not signed by us, expired or inconsistent. */
  verify(options: { token: string }): Promise<AuthContext>
}

export const localIssuer = 'pingce-local'
export const localAudience = 'pingce'
const algorithm = 'HS256'
const minimumSecretBytes = 32

/**
 * The local token issuer: HS256 JWTs (one secret, one service; nobody else needs to verify them).
 * Claims are short on purpose: `tid` tenant (absent for the operator), `role`, `unit`, `email`.
 */
export function createTokenSigner(options: {
  secret: string | Uint8Array
  expiresInSeconds?: number
  clock?: () => Date
}): TokenSigner {
  const key = typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret
  if (key.length < minimumSecretBytes) {
    // A short HS256 secret can be brute-forced offline from one token.
    throw new Error(`token secret must be at least ${minimumSecretBytes} bytes`)
  }
  // Imported once: jose would otherwise import the raw secret as a CryptoKey on every call.
  const cryptoKey = crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ])
  const expiresIn = options.expiresInSeconds ?? 3600
  const clock = options.clock ?? (() => new Date())
  return {
    async sign({ context }) {
      const issuedAt = Math.floor(clock().getTime() / 1000)
      const accessToken = await new SignJWT({
        email: context.email,
        role: context.role,
        ...(context.tenantId ? { tid: context.tenantId } : {}),
        ...(context.unitId ? { unit: context.unitId } : {}),
      })
        .setProtectedHeader({ alg: algorithm, typ: 'JWT' })
        .setSubject(context.userId)
        .setIssuer(localIssuer)
        .setAudience(localAudience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + expiresIn)
        .sign(await cryptoKey)
      return { accessToken, tokenType: 'Bearer', expiresIn }
    },
    async verify({ token }) {
      try {
        const { payload } = await jwtVerify(token, await cryptoKey, {
          algorithms: [algorithm],
          issuer: localIssuer,
          audience: localAudience,
          requiredClaims: ['exp', 'sub'],
          currentDate: clock(),
        })
        const parsed = VerifiedAuthContextSchema.safeParse({
          userId: payload.sub,
          email: payload.email,
          role: payload.role,
          tenantId: payload.tid,
          unitId: payload.unit,
        })
        if (!parsed.success) throw new UnauthorizedError({ message: '登录凭证无效，请重新登录' })
        return parsed.data
      } catch (error) {
        if (error instanceof errors.JWTExpired) {
          throw new UnauthorizedError({ message: '登录已过期，请重新登录' })
        }
        if (error instanceof UnauthorizedError) throw error
        throw new UnauthorizedError({ message: '登录凭证无效，请重新登录' })
      }
    },
  }
}
