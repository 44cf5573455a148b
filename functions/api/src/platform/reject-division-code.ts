import type { AuthContext, Tenant } from '@pingce/core'
import type { Services } from '../services'
import { decideDivisionCode } from './decide-division-code'

/**
 * The operator rejects a tenant's claim to its division code: pending or confirmed, it becomes
 * `rejected`, and a code confirmed for the tenant is free again for the city it names. Rejecting a
 * rejected claim changes nothing and is not audited again.
 */
export async function rejectDivisionCode(options: {
  deps: Pick<Services, 'tenants' | 'audit' | 'clock' | 'newId'>
  caller: AuthContext
  input: { tenantId: string; reason?: string | undefined }
}): Promise<Tenant> {
  const { deps } = options
  return decideDivisionCode({
    ...options,
    decision: 'rejected',
    apply: (tenantId) => deps.tenants.rejectDivisionCode({ tenantId }),
  })
}
