import type { AuditEntry } from '../audit/audit-entry'
import { type User, UserSchema } from '../auth/user'
import type { UserStore } from '../ports/user-store'
import { compareCodeUnits } from './compare-code-units'
import { InMemoryAuditLog } from './in-memory-audit-log'

/** The in-memory UserStore for unit tests: one map per tenant, as the table has one partition each. */
export class InMemoryUserStore implements UserStore {
  readonly #tenants = new Map<string, Map<string, User>>()
  readonly #audit: InMemoryAuditLog

  constructor(options: { audit?: InMemoryAuditLog } = {}) {
    this.#audit = options.audit ?? new InMemoryAuditLog()
  }

  async putUser(options: { tenantId: string; user: User; audit: AuditEntry }): Promise<void> {
    const users = this.#tenants.get(options.tenantId) ?? new Map<string, User>()
    users.set(options.user.userId, UserSchema.parse(options.user))
    this.#tenants.set(options.tenantId, users)
    this.#audit.record(options)
  }

  async getUser({ tenantId, userId }: { tenantId: string; userId: string }): Promise<User | undefined> {
    const found = this.#tenants.get(tenantId)?.get(userId)
    return found ? { ...found } : undefined
  }

  async listUsers({ tenantId }: { tenantId: string }): Promise<User[]> {
    return [...(this.#tenants.get(tenantId)?.values() ?? [])]
      .map((user) => ({ ...user }))
      .sort((a, b) => compareCodeUnits(a.userId, b.userId))
  }
}
