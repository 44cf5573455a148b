import { type Actor, assertRole, ConflictError, type User } from '@pingce/core'
import { auditEntryOf } from '../audit/audit-entry-of'
import type { Services } from '../services'
import { findUser } from './find-user'
import { manageUsersRoles } from './invite-user'

/** Disables a user (no further sign-in); an admin cannot disable itself. */
export async function disableUser(options: {
  deps: Pick<Services, 'identity' | 'users' | 'clock' | 'newId'>
  actor: Actor
  input: { userId: string }
}): Promise<User> {
  const { deps, actor } = options
  assertRole({ actor, roles: manageUsersRoles })
  const { tenantId } = actor
  const user = await findUser({ users: deps.users, tenantId, userId: options.input.userId })
  if (user.userId === actor.userId) throw new ConflictError({ message: '不能停用自己的账户' })
  await deps.identity.disableIdentity({ tenantId, userId: user.userId })
  const disabled = { ...user, isActive: false }
  await deps.users.putUser({
    tenantId,
    user: disabled,
    audit: auditEntryOf({
      actor,
      at: deps.clock().toISOString(),
      newId: deps.newId,
      action: 'user.disable',
      entityType: 'user',
      entityId: user.userId,
      before: user,
      after: disabled,
    }),
  })
  return disabled
}
