import type { AuthContext, Tenant } from '@pingce/core'
import type { Services } from '../services'
import { decideDivisionCode } from './decide-division-code'

/**
 * The operator confirms that a tenant is the city its division code names: the code becomes the
 * tenant's alone (409 naming `divisionCode` when it is confirmed for another tenant; later sign-ups
 * with it are refused). Confirming a confirmed code changes nothing and is not audited again.
 */
export async function confirmDivisionCode(options: {
  deps: Pick<Services, 'tenants' | 'audit' | 'clock' | 'newId'>
  caller: AuthContext
  input: { tenantId: string; reason?: string | undefined }
}): Promise<Tenant> {
  const { deps } = options
  return decideDivisionCode({
    ...options,
    decision: 'confirmed',
    apply: (tenantId) => deps.tenants.confirmDivisionCode({ tenantId }),
  })
}
