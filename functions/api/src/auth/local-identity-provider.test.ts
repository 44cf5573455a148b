import { InMemoryCredentialStore } from '@pingce/core/fakes'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LocalIdentityProvider, maxFailedAttempts } from './local-identity-provider'
import { createPasswordHasher, type PasswordHasher } from './password-hasher'
import { createTokenSigner } from './token-signer'

const password = 'Zhengzhou2026'

async function setUp() {
  let now = new Date('2026-11-23T08:00:00Z')
  const clock = () => now
  const credentials = new InMemoryCredentialStore()
  const cheap = createPasswordHasher({ parameters: { memorySize: 256, iterations: 1, parallelism: 1 } })
  // Every password the provider checks, in order: the spy of the lock-out cases.
  const checked: string[] = []
  const hasher: PasswordHasher = {
    hash: (options) => cheap.hash(options),
    verify: (options) => {
      checked.push(options.password)
      return cheap.verify(options)
    },
  }
  const provider = new LocalIdentityProvider({
    credentials,
    hasher,
    signer: createTokenSigner({ secret: 'a-test-secret-of-at-least-32-bytes!!', clock }),
    clock,
  })
  await provider.createIdentity({
    tenantId: 'zhengzhou',
    userId: 'u-1',
    email: 'Admin@Zhengzhou.gov.cn',
    role: 'admin',
    unitId: undefined,
    password,
  })
  const advanceMinutes = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000)
  }
  const failTimes = async (times: number) => {
    for (let i = 0; i < times; i++) {
      await provider.signIn({ email: 'admin@zhengzhou.gov.cn', password: 'wrong-password-1' }).catch(() => {})
    }
  }
  return { provider, credentials, advanceMinutes, failTimes, checked }
}

/** The status a sign-in ends with: 200 for a token, else the status of the error it threw. */
async function statusOf(attempt: Promise<unknown>): Promise<number> {
  return attempt.then(
    () => 200,
    (error: unknown) => (error as { status?: number }).status ?? 500,
  )
}

describe('LocalIdentityProvider', () => {
  it('signs in by email in any case and verifies the token into the caller', async () => {
    // Prepare
    const { provider } = await setUp()
    // Act
    const issued = await provider.signIn({ email: 'ADMIN@zhengzhou.gov.cn', password })
    // Assess
    expect(await provider.verify({ token: issued.accessToken, authorizerClaims: undefined })).toEqual({
      userId: 'u-1',
      email: 'admin@zhengzhou.gov.cn',
      role: 'admin',
      tenantId: 'zhengzhou',
      unitId: undefined,
    })
  })

  it('gives the same 401 message for an unknown email and a wrong password', async () => {
    const { provider } = await setUp()
    const unknown = await provider.signIn({ email: 'nobody@x.cn', password }).catch((error: unknown) => error)
    const wrong = await provider
      .signIn({ email: 'admin@zhengzhou.gov.cn', password: 'Wrong123456' })
      .catch((error: unknown) => error)
    expect(unknown).toMatchObject({ status: 401, message: '邮箱或密码错误' })
    expect(wrong).toMatchObject({ status: 401, message: '邮箱或密码错误' })
  })

  it('locks out after 5 consecutive failures, even for the right password, for 15 minutes', async () => {
    const { provider, failTimes, advanceMinutes } = await setUp()
    await failTimes(4)
    const fifth = await provider
      .signIn({ email: 'admin@zhengzhou.gov.cn', password: 'Wrong123456' })
      .catch((error: unknown) => error)
    expect(fifth).toMatchObject({ status: 429, details: { retryAfterSeconds: 900 } })
    advanceMinutes(14)
    await expect(provider.signIn({ email: 'admin@zhengzhou.gov.cn', password })).rejects.toMatchObject({
      status: 429,
      message: expect.stringContaining('账户已锁定'),
    })
    advanceMinutes(1.01)
    await expect(provider.signIn({ email: 'admin@zhengzhou.gov.cn', password })).resolves.toMatchObject({
      tokenType: 'Bearer',
    })
  })

  it('checks at most 5 passwords of 30 parallel sign-ins (29 wrong, 1 right, any order) and issues no token once locked', async () => {
    const wrongPasswords = Array.from({ length: 29 }, (_, i) => `Wrong-guess-${i}`)
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(wrongPasswords, { minLength: 29, maxLength: 29 }),
        fc.integer({ min: 0, max: 29 }),
        async (wrong, rightAt) => {
          // Prepare
          const { provider, checked } = await setUp()
          const order = [...wrong.slice(0, rightAt), password, ...wrong.slice(rightAt)]
          // Act: all 30 at once
          const statuses = await Promise.all(
            order.map((guess) =>
              statusOf(provider.signIn({ email: 'admin@zhengzhou.gov.cn', password: guess })),
            ),
          )
          // Assess
          expect(checked.length).toBeLessThanOrEqual(maxFailedAttempts)
          const right = statuses[rightAt]
          // Five wrong guesses came first: the right one meets the lock and gets no token.
          if (rightAt >= maxFailedAttempts) expect(right).toBe(429)
          // Among the first five it may win, but only if its password was one of those checked.
          if (right === 200) expect(checked).toContain(password)
          statuses.splice(rightAt, 1)
          expect(statuses.every((status) => status === 401 || status === 429)).toBe(true)
          if (right !== 200) {
            await expect(
              provider.signIn({ email: 'admin@zhengzhou.gov.cn', password }),
            ).rejects.toMatchObject({ status: 429 })
          }
        },
      ),
      { numRuns: 15 },
    )
  })

  it('counts only consecutive failures: a success starts the count again', async () => {
    const { provider, failTimes } = await setUp()
    await failTimes(4)
    await provider.signIn({ email: 'admin@zhengzhou.gov.cn', password })
    await failTimes(4)
    await expect(provider.signIn({ email: 'admin@zhengzhou.gov.cn', password })).resolves.toBeDefined()
  })

  it('lifts the lock with an admin reset and accepts only the new password', async () => {
    const { provider, failTimes } = await setUp()
    await failTimes(5)
    await provider.resetPassword({ tenantId: 'zhengzhou', userId: 'u-1', newPassword: 'NewPassword99' })
    await expect(provider.signIn({ email: 'admin@zhengzhou.gov.cn', password })).rejects.toMatchObject({
      status: 401,
    })
    await expect(
      provider.signIn({ email: 'admin@zhengzhou.gov.cn', password: 'NewPassword99' }),
    ).resolves.toBeDefined()
  })

  it('never resets or disables an identity of another tenant', async () => {
    const { provider } = await setUp()
    await expect(
      provider.resetPassword({ tenantId: 'kaifeng', userId: 'u-1', newPassword: 'NewPassword99' }),
    ).rejects.toMatchObject({ status: 404 })
    await expect(provider.disableIdentity({ tenantId: 'kaifeng', userId: 'u-1' })).rejects.toMatchObject({
      status: 404,
    })
  })

  it('refuses a disabled identity and frees the email when an identity is deleted', async () => {
    const { provider, credentials } = await setUp()
    await provider.disableIdentity({ tenantId: 'zhengzhou', userId: 'u-1' })
    await expect(provider.signIn({ email: 'admin@zhengzhou.gov.cn', password })).rejects.toMatchObject({
      status: 401,
      message: '该账户已停用，请联系管理员',
    })
    await provider.deleteIdentity({ tenantId: 'zhengzhou', userId: 'u-1' })
    expect(await credentials.getByEmail({ email: 'admin@zhengzhou.gov.cn' })).toBeUndefined()
  })

  it('refuses a duplicate email with 409 naming email, and a missing token with 401', async () => {
    const { provider } = await setUp()
    await expect(
      provider.createIdentity({
        tenantId: 'kaifeng',
        userId: 'u-9',
        email: 'admin@zhengzhou.gov.cn',
        role: 'admin',
        unitId: undefined,
        password,
      }),
    ).rejects.toMatchObject({ status: 409, issues: [{ path: 'email' }] })
    await expect(provider.verify({ token: undefined, authorizerClaims: { sub: 'x' } })).rejects.toMatchObject(
      {
        status: 401,
      },
    )
  })
})
