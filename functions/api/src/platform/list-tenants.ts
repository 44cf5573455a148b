import { ForbiddenError, type AuthContext, type Tenant } from '@pingce/core'
import type { Services } from '../services'

/** Every city signed up: the platform operator's view, the only one across tenants. */
export async function listTenants(options: {
  deps: Pick<Services, 'tenants'>
  caller: AuthContext
}): Promise<Tenant[]> {
  if (options.caller.role !== 'platform-operator')
    throw new ForbiddenError({ message: '仅平台运营账户可查看' })
  return options.deps.tenants.listTenants()
}
