import { type Actor, assertRole, type User } from '@pingce/core'
import type { Services } from '../services'
import { manageUsersRoles } from './invite-user'

/** The users of the tenant with their roles. */
export async function listUsers(options: { deps: Pick<Services, 'users'>; actor: Actor }): Promise<User[]> {
  assertRole({ actor: options.actor, roles: manageUsersRoles })
  return options.deps.users.listUsers({ tenantId: options.actor.tenantId })
}
