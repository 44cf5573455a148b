import type { AuthContext, Tenant, User } from '@pingce/core'
import type { Services } from '../services'

/** The caller as the token says, with its profile and tenant (none for the platform operator). */
export async function getCaller(options: {
  deps: Pick<Services, 'users' | 'tenants'>
  caller: AuthContext
}): Promise<{ caller: AuthContext; user?: User; tenant?: Tenant }> {
  const { deps, caller } = options
  if (!caller.tenantId) return { caller }
  const [user, tenant] = await Promise.all([
    deps.users.getUser({ tenantId: caller.tenantId, userId: caller.userId }),
    deps.tenants.getTenant({ tenantId: caller.tenantId }),
  ])
  return { caller, ...(user ? { user } : {}), ...(tenant ? { tenant } : {}) }
}
