import { ForbiddenError, NotFoundError, type TenantRole } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { getUser } from './get-user'
import { inviteUser } from './invite-user'

const admin = actorOf({ role: 'admin' })

async function withUsers() {
  const deps = testDeps()
  const { user } = await inviteUser({
    deps,
    actor: admin,
    input: { email: 'li@zhengzhou.gov.cn', displayName: '李评估', role: 'evaluator' },
  })
  const { user: foreign } = await inviteUser({
    deps,
    actor: actorOf({ role: 'admin', tenantId: 'kaifeng' }),
    input: { email: 'zhao@kaifeng.gov.cn', displayName: '赵评估', role: 'evaluator' },
  })
  return { deps, user, foreign }
}

describe('getUser', () => {
  it('gives the admin a user of the tenant', async () => {
    // Prepare
    const { deps, user } = await withUsers()
    // Act
    const found = await getUser({ deps, actor: admin, input: { userId: user.userId } })
    // Assess
    expect(found).toEqual(user)
  })

  it("answers NotFound for another tenant's user id, as for an unknown one", async () => {
    // Prepare
    const { deps, foreign } = await withUsers()
    // Act
    const crossTenant = getUser({ deps, actor: admin, input: { userId: foreign.userId } })
    const unknown = getUser({ deps, actor: admin, input: { userId: 'nobody' } })
    // Assess
    await expect(crossTenant).rejects.toThrow(NotFoundError)
    await expect(unknown).rejects.toThrow(NotFoundError)
  })

  it.each<TenantRole>(['supervisor', 'evaluator', 'unit'])('refuses the role %s', async (role) => {
    // Prepare
    const { deps, user } = await withUsers()
    // Act
    const attempt = getUser({ deps, actor: actorOf({ role }), input: { userId: user.userId } })
    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError)
  })
})
