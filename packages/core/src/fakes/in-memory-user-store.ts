import { type User, UserSchema } from '../auth/user'
import type { UserStore } from '../ports/user-store'

/** The in-memory UserStore for unit tests: one map per tenant, as the table has one partition each. */
export class InMemoryUserStore implements UserStore {
  readonly #tenants = new Map<string, Map<string, User>>()

  async putUser({ tenantId, user }: { tenantId: string; user: User }): Promise<void> {
    const users = this.#tenants.get(tenantId) ?? new Map<string, User>()
    users.set(user.userId, UserSchema.parse(user))
    this.#tenants.set(tenantId, users)
  }

  async getUser({ tenantId, userId }: { tenantId: string; userId: string }): Promise<User | undefined> {
    const found = this.#tenants.get(tenantId)?.get(userId)
    return found ? { ...found } : undefined
  }

  async listUsers({ tenantId }: { tenantId: string }): Promise<User[]> {
    return [...(this.#tenants.get(tenantId)?.values() ?? [])]
      .map((user) => ({ ...user }))
      .sort((a, b) => a.userId.localeCompare(b.userId))
  }
}
