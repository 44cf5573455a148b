import { type Actor, assertRole, type User } from '@pingce/core'
import type { Services } from '../services'
import { findUser } from './find-user'
import { manageUsersRoles } from './invite-user'

/** One user of the tenant. */
export async function getUser(options: {
  deps: Pick<Services, 'users'>
  actor: Actor
  input: { userId: string }
}): Promise<User> {
  assertRole({ actor: options.actor, roles: manageUsersRoles })
  return findUser({
    users: options.deps.users,
    tenantId: options.actor.tenantId,
    userId: options.input.userId,
  })
}
