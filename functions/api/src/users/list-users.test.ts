import { ForbiddenError, type TenantRole } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { inviteUser } from './invite-user'
import { listUsers } from './list-users'

const admin = actorOf({ role: 'admin' })

async function withUsers() {
  const deps = testDeps()
  await inviteUser({
    deps,
    actor: admin,
    input: { email: 'li@zhengzhou.gov.cn', displayName: '李评估', role: 'evaluator' },
  })
  await inviteUser({
    deps,
    actor: admin,
    input: { email: 'wang@zhengzhou.gov.cn', displayName: '王督查', role: 'supervisor' },
  })
  await inviteUser({
    deps,
    actor: actorOf({ role: 'admin', tenantId: 'kaifeng' }),
    input: { email: 'zhao@kaifeng.gov.cn', displayName: '赵评估', role: 'evaluator' },
  })
  return deps
}

describe('listUsers', () => {
  it("lists the tenant's users with their roles, none of another tenant's", async () => {
    // Prepare
    const deps = await withUsers()
    // Act
    const users = await listUsers({ deps, actor: admin })
    // Assess
    expect(users.map(({ email, role }) => ({ email, role }))).toEqual([
      { email: 'li@zhengzhou.gov.cn', role: 'evaluator' },
      { email: 'wang@zhengzhou.gov.cn', role: 'supervisor' },
    ])
  })

  it("shows the other tenant's admin only its own users", async () => {
    // Prepare
    const deps = await withUsers()
    // Act
    const users = await listUsers({ deps, actor: actorOf({ role: 'admin', tenantId: 'kaifeng' }) })
    // Assess
    expect(users.map((user) => user.email)).toEqual(['zhao@kaifeng.gov.cn'])
  })

  it.each<TenantRole>(['supervisor', 'evaluator', 'unit'])('refuses the role %s', async (role) => {
    // Prepare
    const deps = await withUsers()
    // Act
    const attempt = listUsers({ deps, actor: actorOf({ role }) })
    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError)
  })
})
