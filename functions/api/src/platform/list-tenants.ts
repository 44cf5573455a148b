import type { AuthContext, Tenant } from '@pingce/core'
import type { Services } from '../services'
import { assertPlatformOperator } from './assert-platform-operator'

/** Every city signed up, with the status of its division code: the operator's view, the only one across tenants. */
export async function listTenants(options: {
  deps: Pick<Services, 'tenants'>
  caller: AuthContext
}): Promise<Tenant[]> {
  assertPlatformOperator({ caller: options.caller })
  return options.deps.tenants.listTenants()
}
