import { RateLimitedError, UnauthorizedError } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { testDeps } from '../../test/test-deps'
import { lockOutMinutes, maxFailedAttempts } from './local-identity-provider'
import { signIn } from './sign-in'
import { signUpTenant } from './sign-up-tenant'

const email = 'admin@zhengzhou.gov.cn'
const password = 'CityAdmin2026'

async function withAdmin() {
  const deps = testDeps()
  const { admin } = await signUpTenant({
    deps,
    tenant: { tenantId: 'zhengzhou', name: '郑州市', divisionCode: '410100', tier: '省会' },
    admin: { email, displayName: '王主任', password },
  })
  return { deps, admin }
}

describe('signIn', () => {
  it('issues a bearer token that verifies into the caller, whatever the case of the email', async () => {
    // Prepare
    const { deps, admin } = await withAdmin()
    // Act
    const token = await signIn({ deps, input: { email: 'Admin@Zhengzhou.gov.cn', password } })
    // Assess
    expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number) })
    expect(await deps.identity.verify({ token: token.accessToken, authorizerClaims: undefined })).toEqual({
      userId: admin.userId,
      email,
      role: 'admin',
      tenantId: 'zhengzhou',
      unitId: undefined,
    })
  })

  it('answers a wrong password and an unknown email with the same UnauthorizedError', async () => {
    // Prepare
    const { deps } = await withAdmin()
    // Act
    const wrong = await signIn({ deps, input: { email, password: 'Wrong123456' } }).catch((e: unknown) => e)
    const unknown = await signIn({ deps, input: { email: 'nobody@x.cn', password } }).catch((e: unknown) => e)
    // Assess
    expect(wrong).toBeInstanceOf(UnauthorizedError)
    expect(unknown).toBeInstanceOf(UnauthorizedError)
    expect((unknown as Error).message).toBe((wrong as Error).message)
  })

  it(`locks the account after ${maxFailedAttempts} failures, even for the right password`, async () => {
    // Prepare
    const { deps } = await withAdmin()
    for (let attempt = 1; attempt < maxFailedAttempts; attempt++) {
      await signIn({ deps, input: { email, password: 'Wrong123456' } }).catch(() => {})
    }
    // Act
    const last = await signIn({ deps, input: { email, password: 'Wrong123456' } }).catch((e: unknown) => e)
    const right = await signIn({ deps, input: { email, password } }).catch((e: unknown) => e)
    // Assess
    expect(last).toBeInstanceOf(RateLimitedError)
    expect(right).toBeInstanceOf(RateLimitedError)
    expect(right).toMatchObject({ details: { retryAfterSeconds: lockOutMinutes * 60 } })
  })
})
