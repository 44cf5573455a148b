import type { AuditLog, User, UserStore } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { at, auditOf, expectAudited, uniqueTenants } from './contract-fixtures'

export interface UserStoreSubject {
  users: UserStore
  audit: AuditLog
}

const userOf = (userId: string, overrides: Partial<User> = {}): User => ({
  userId,
  email: `${userId.toLowerCase()}@zhengzhou.gov.cn`,
  displayName: `用户 ${userId}`,
  role: 'evaluator',
  createdAt: at,
  createdBy: 'u-admin',
  isActive: true,
  ...overrides,
})
const userAudit = (userId: string) => auditOf({ action: 'user.put', entityType: 'user', entityId: userId })

/** The UserStore contract: profiles of a tenant, each write with its audit entry. */
export function describeUserStoreContract(name: string, make: () => Promise<UserStoreSubject>): void {
  describe(`${name}: UserStore contract`, () => {
    it('creates and replaces a profile, auditing each write', async () => {
      // Prepare
      const { users, audit } = await make()
      const { a } = uniqueTenants()
      const invited = userAudit('u-li')
      const bound = userAudit('u-li')
      const unitUser = userOf('u-li', { role: 'unit', unitId: 'xinmi', displayName: '李（新密）' })
      // Act
      await users.putUser({ tenantId: a, user: userOf('u-li'), audit: invited })
      await users.putUser({ tenantId: a, user: unitUser, audit: bound })
      // Assess
      expect(await users.getUser({ tenantId: a, userId: 'u-li' })).toEqual(unitUser)
      expect(await users.getUser({ tenantId: a, userId: 'u-wang' })).toBeUndefined()
      await expectAudited({ audit, tenantId: a, entry: invited })
      await expectAudited({ audit, tenantId: a, entry: bound })
    })

    it('stores the email lowercased', async () => {
      // Prepare
      const { users } = await make()
      const { a } = uniqueTenants()
      // Act
      await users.putUser({
        tenantId: a,
        user: userOf('u-li', { email: 'Li@ZhengZhou.gov.cn' }),
        audit: userAudit('u-li'),
      })
      // Assess
      expect((await users.getUser({ tenantId: a, userId: 'u-li' }))?.email).toBe('li@zhengzhou.gov.cn')
    })

    it('lists users in user-id order, as their keys sort', async () => {
      // Prepare
      const { users } = await make()
      const { a } = uniqueTenants()
      for (const userId of ['u-b', 'U-c', 'u_a', 'u-a']) {
        await users.putUser({ tenantId: a, user: userOf(userId), audit: userAudit(userId) })
      }
      // Act
      const listed = await users.listUsers({ tenantId: a })
      // Assess: code-unit order (upper case before lower, '-' before '_')
      expect(listed.map((user) => user.userId)).toEqual(['U-c', 'u-a', 'u-b', 'u_a'])
      expect(listed[0]).toEqual(userOf('U-c'))
    })

    it("keeps tenants apart: tenant B never sees tenant A's users", async () => {
      // Prepare
      const { users } = await make()
      const { a, b } = uniqueTenants()
      await users.putUser({ tenantId: a, user: userOf('u-li'), audit: userAudit('u-li') })
      // Act
      const seenByB = {
        one: await users.getUser({ tenantId: b, userId: 'u-li' }),
        all: await users.listUsers({ tenantId: b }),
      }
      const ofB = userOf('u-li', { displayName: '乙市李' })
      await users.putUser({ tenantId: b, user: ofB, audit: userAudit('u-li') })
      // Assess
      expect(seenByB).toEqual({ one: undefined, all: [] })
      expect(await users.listUsers({ tenantId: a })).toEqual([userOf('u-li')])
      expect(await users.listUsers({ tenantId: b })).toEqual([ofB])
    })
  })
}
