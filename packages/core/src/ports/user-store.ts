import type { AuditEntry } from '../audit/audit-entry'
import type { User } from '../auth/user'

/** User profiles and roles of a tenant (credentials live with the identity provider). */
export interface UserStore {
  /** Creates or replaces a profile, with its audit entry. */
  putUser(options: { tenantId: string; user: User; audit: AuditEntry }): Promise<void>
  getUser(options: { tenantId: string; userId: string }): Promise<User | undefined>
  listUsers(options: { tenantId: string }): Promise<User[]>
}
