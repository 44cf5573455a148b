import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  type TenantRole,
  UnauthorizedError,
} from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { signIn } from '../auth/sign-in'
import { signUpTenant } from '../auth/sign-up-tenant'
import { disableUser } from './disable-user'
import { inviteUser } from './invite-user'

const email = 'li@zhengzhou.gov.cn'
const password = 'Evaluator2026'

async function withTenant() {
  const deps = testDeps()
  const { admin: adminUser } = await signUpTenant({
    deps,
    tenant: { tenantId: 'zhengzhou', name: '郑州市', divisionCode: '410100', tier: '省会' },
    admin: { email: 'admin@zhengzhou.gov.cn', displayName: '管理员', password: 'CityAdmin2026' },
  })
  const admin = actorOf({ role: 'admin', userId: adminUser.userId })
  const { user } = await inviteUser({
    deps,
    actor: admin,
    input: { email, displayName: '李评估', role: 'evaluator', temporaryPassword: password },
  })
  return { deps, admin, user }
}

describe('disableUser', () => {
  it('disables the user, stops its sign-in, and audits before and after', async () => {
    // Prepare
    const { deps, admin, user } = await withTenant()
    // Act
    const disabled = await disableUser({ deps, actor: admin, input: { userId: user.userId } })
    // Assess
    expect(disabled).toEqual({ ...user, isActive: false })
    expect(await deps.stores.users.getUser({ tenantId: 'zhengzhou', userId: user.userId })).toEqual(disabled)
    await expect(signIn({ deps, input: { email, password } })).rejects.toThrow(UnauthorizedError)
    const [latest] = await deps.audit.listAudit({
      tenantId: 'zhengzhou',
      entity: { entityType: 'user', entityId: user.userId },
    })
    expect(latest).toMatchObject({
      action: 'user.disable',
      actorId: admin.userId,
      before: { ...user, isActive: true },
      after: { ...user, isActive: false },
    })
  })

  it('refuses to disable the admin itself with a ConflictError, changing nothing', async () => {
    // Prepare
    const { deps, admin } = await withTenant()
    // Act
    const attempt = disableUser({ deps, actor: admin, input: { userId: admin.userId } })
    // Assess
    await expect(attempt).rejects.toThrow(ConflictError)
    expect(await deps.stores.users.getUser({ tenantId: 'zhengzhou', userId: admin.userId })).toMatchObject({
      isActive: true,
    })
    await expect(
      signIn({ deps, input: { email: 'admin@zhengzhou.gov.cn', password: 'CityAdmin2026' } }),
    ).resolves.toMatchObject({ tokenType: 'Bearer' })
    expect(
      await deps.audit.listAudit({
        tenantId: 'zhengzhou',
        entity: { entityType: 'user', entityId: admin.userId },
      }),
    ).toEqual([expect.objectContaining({ action: 'tenant.sign-up' })])
  })

  it("answers NotFound for another tenant's user, who can still sign in", async () => {
    // Prepare
    const { deps, admin } = await withTenant()
    const { user: foreign } = await inviteUser({
      deps,
      actor: actorOf({ role: 'admin', tenantId: 'kaifeng' }),
      input: {
        email: 'zhao@kaifeng.gov.cn',
        displayName: '赵',
        role: 'evaluator',
        temporaryPassword: password,
      },
    })
    // Act
    const attempt = disableUser({ deps, actor: admin, input: { userId: foreign.userId } })
    // Assess
    await expect(attempt).rejects.toThrow(NotFoundError)
    await expect(signIn({ deps, input: { email: 'zhao@kaifeng.gov.cn', password } })).resolves.toMatchObject({
      tokenType: 'Bearer',
    })
  })

  it.each<TenantRole>(['supervisor', 'evaluator', 'unit'])('refuses the role %s', async (role) => {
    // Prepare
    const { deps, user } = await withTenant()
    // Act
    const attempt = disableUser({ deps, actor: actorOf({ role }), input: { userId: user.userId } })
    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError)
    await expect(signIn({ deps, input: { email, password } })).resolves.toMatchObject({ tokenType: 'Bearer' })
  })
})
