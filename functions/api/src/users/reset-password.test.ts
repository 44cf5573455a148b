import {
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  type TenantRole,
  UnauthorizedError,
} from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { maxFailedAttempts } from '../auth/local-identity-provider'
import { signIn } from '../auth/sign-in'
import { inviteUser } from './invite-user'
import { resetPassword } from './reset-password'

const admin = actorOf({ role: 'admin' })
const email = 'li@zhengzhou.gov.cn'
const firstPassword = 'First123456'

async function withUser(options: { tenantId?: string; email?: string } = {}) {
  const deps = testDeps()
  const { user } = await inviteUser({
    deps,
    actor: actorOf({ role: 'admin', tenantId: options.tenantId }),
    input: {
      email: options.email ?? email,
      displayName: '李评估',
      role: 'evaluator',
      temporaryPassword: firstPassword,
    },
  })
  return { deps, user }
}

describe('resetPassword', () => {
  it('sets the chosen password, lifts a lock-out, and returns no password', async () => {
    // Prepare
    const { deps, user } = await withUser()
    for (let attempt = 0; attempt < maxFailedAttempts; attempt++) {
      await signIn({ deps, input: { email, password: 'Wrong123456' } }).catch(() => {})
    }
    await expect(signIn({ deps, input: { email, password: firstPassword } })).rejects.toThrow(
      RateLimitedError,
    )
    // Act
    const result = await resetPassword({
      deps,
      actor: admin,
      input: { userId: user.userId, newPassword: 'Second123456' },
    })
    // Assess
    expect(result).toEqual({ userId: user.userId })
    await expect(signIn({ deps, input: { email, password: 'Second123456' } })).resolves.toMatchObject({
      tokenType: 'Bearer',
    })
    await expect(signIn({ deps, input: { email, password: firstPassword } })).rejects.toThrow(
      UnauthorizedError,
    )
  })

  it('generates a password when none is given and returns it once', async () => {
    // Prepare
    const { deps, user } = await withUser()
    // Act
    const result = await resetPassword({
      deps,
      actor: admin,
      input: { userId: user.userId, newPassword: undefined },
    })
    // Assess
    expect(result.temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/)
    await expect(
      signIn({ deps, input: { email, password: result.temporaryPassword! } }),
    ).resolves.toMatchObject({
      tokenType: 'Bearer',
    })
  })

  it.each([
    ['chosen', 'Second123456', false],
    ['generated', undefined, true],
  ])('audits a %s reset without the password', async (_, newPassword, isPasswordGenerated) => {
    // Prepare
    const { deps, user } = await withUser()
    // Act
    const result = await resetPassword({ deps, actor: admin, input: { userId: user.userId, newPassword } })
    // Assess
    const entries = await deps.audit.listAudit({
      tenantId: 'zhengzhou',
      entity: { entityType: 'user', entityId: user.userId },
    })
    expect(entries[0]).toEqual({
      auditId: expect.any(String),
      at: '2026-11-23T08:00:00.000Z',
      actorId: 'admin-1',
      actorRole: 'admin',
      action: 'user.password-reset',
      entityType: 'user',
      entityId: user.userId,
      after: { isPasswordGenerated },
    })
    expect(JSON.stringify(entries)).not.toContain(newPassword ?? result.temporaryPassword)
  })

  it("answers NotFound for another tenant's user and leaves its password as it was", async () => {
    // Prepare
    const { deps } = await withUser()
    const { user: foreign } = await inviteUser({
      deps,
      actor: actorOf({ role: 'admin', tenantId: 'kaifeng' }),
      input: {
        email: 'zhao@kaifeng.gov.cn',
        displayName: '赵',
        role: 'evaluator',
        temporaryPassword: firstPassword,
      },
    })
    // Act
    const attempt = resetPassword({
      deps,
      actor: admin,
      input: { userId: foreign.userId, newPassword: 'Taken123456' },
    })
    // Assess
    await expect(attempt).rejects.toThrow(NotFoundError)
    await expect(
      signIn({ deps, input: { email: 'zhao@kaifeng.gov.cn', password: firstPassword } }),
    ).resolves.toMatchObject({ tokenType: 'Bearer' })
    expect(
      await deps.audit.listAudit({
        tenantId: 'zhengzhou',
        entity: { entityType: 'user', entityId: foreign.userId },
      }),
    ).toEqual([])
  })

  it.each<TenantRole>(['supervisor', 'evaluator', 'unit'])('refuses the role %s', async (role) => {
    // Prepare
    const { deps, user } = await withUser()
    // Act
    const attempt = resetPassword({
      deps,
      actor: actorOf({ role }),
      input: { userId: user.userId, newPassword: 'Second123456' },
    })
    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError)
    await expect(signIn({ deps, input: { email, password: firstPassword } })).resolves.toBeDefined()
  })
})
