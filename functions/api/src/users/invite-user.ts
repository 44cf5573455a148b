import { type Actor, assertRole, type User, ValidationError } from '@pingce/core'
import { auditEntryOf } from '../audit/audit-entry-of'
import { generatePassword } from '../auth/generate-password'
import type { Services } from '../services'
import type { InviteUser } from './user-schemas'

export const manageUsersRoles = ['admin'] as const

/**
 * Invites a user of the tenant with a role (a unit user names its unit, which must exist). The
 * identity (login) comes first, then the profile with its audit entry; if the profile cannot be
 * written the login is taken back. A generated password is returned this once.
 */
export async function inviteUser(options: {
  deps: Pick<Services, 'identity' | 'users' | 'org' | 'clock' | 'newId'>
  actor: Actor
  input: InviteUser
}): Promise<{ user: User; temporaryPassword?: string }> {
  const { deps, actor, input } = options
  assertRole({ actor, roles: manageUsersRoles })
  const { tenantId } = actor
  if (input.unitId && !(await deps.org.getUnit({ tenantId, unitId: input.unitId }))) {
    throw new ValidationError({
      message: '评估对象不存在',
      issues: [{ path: 'unitId', message: 'no such unit' }],
    })
  }
  const password = input.temporaryPassword ?? generatePassword()
  const userId = deps.newId()
  await deps.identity.createIdentity({
    tenantId,
    userId,
    email: input.email,
    role: input.role,
    unitId: input.unitId,
    password,
  })
  const at = deps.clock().toISOString()
  const user: User = {
    userId,
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    ...(input.unitId ? { unitId: input.unitId } : {}),
    createdAt: at,
    createdBy: actor.userId,
    isActive: true,
  }
  const audit = auditEntryOf({
    actor,
    at,
    newId: deps.newId,
    action: 'user.invite',
    entityType: 'user',
    entityId: userId,
    after: user,
  })
  try {
    await deps.users.putUser({ tenantId, user, audit })
  } catch (error) {
    // Without a profile the login would be invisible to the admin: take it back.
    await deps.identity.deleteIdentity({ tenantId, userId }).catch(() => {})
    throw error
  }
  return { user, ...(input.temporaryPassword ? {} : { temporaryPassword: password }) }
}
