import type { IdentityProvider, TenantDirectory, UserStore } from '@pingce/core'

/** What the identity routes need: the ports, a clock and an id generator (both injectable for tests). */
export interface AuthDeps {
  identity: IdentityProvider
  users: UserStore
  tenants: TenantDirectory
  clock: () => Date
  newId: () => string
}
