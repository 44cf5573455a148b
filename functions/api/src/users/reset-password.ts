import { type Actor, assertRole } from '@pingce/core'
import { auditEntryOf } from '../audit/audit-entry-of'
import { generatePassword } from '../auth/generate-password'
import type { Services } from '../services'
import { findUser } from './find-user'
import { manageUsersRoles } from './invite-user'

/**
 * The admin resets a user's password (which also lifts a lock-out). The change happens at the
 * identity provider, so its audit entry is appended on its own (never with the password).
 */
export async function resetPassword(options: {
  deps: Pick<Services, 'identity' | 'users' | 'audit' | 'clock' | 'newId'>
  actor: Actor
  input: { userId: string; newPassword: string | undefined }
}): Promise<{ userId: string; temporaryPassword?: string }> {
  const { deps, actor, input } = options
  assertRole({ actor, roles: manageUsersRoles })
  const { tenantId } = actor
  const { userId } = await findUser({ users: deps.users, tenantId, userId: input.userId })
  const newPassword = input.newPassword ?? generatePassword()
  await deps.identity.resetPassword({ tenantId, userId, newPassword })
  await deps.audit.append({
    tenantId,
    audit: auditEntryOf({
      actor,
      at: deps.clock().toISOString(),
      newId: deps.newId,
      action: 'user.password-reset',
      entityType: 'user',
      entityId: userId,
      after: { isPasswordGenerated: input.newPassword === undefined },
    }),
  })
  return { userId, ...(input.newPassword ? {} : { temporaryPassword: newPassword }) }
}
