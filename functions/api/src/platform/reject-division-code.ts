import { type AuthContext, NotFoundError, type Tenant } from '@pingce/core'
import type { Services } from '../services'
import { assertPlatformOperator } from './assert-platform-operator'
import { operatorAuditEntry } from './operator-audit-entry'

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
  const { deps, caller, input } = options
  assertPlatformOperator({ caller })
  const before = await deps.tenants.getTenant({ tenantId: input.tenantId })
  if (!before) throw new NotFoundError({ message: '未找到该租户' })
  if (before.divisionCodeStatus === 'rejected') return before
  const after = await deps.tenants.rejectDivisionCode({ tenantId: input.tenantId })
  await deps.audit.append({
    tenantId: after.tenantId,
    audit: operatorAuditEntry({
      deps,
      caller,
      action: 'tenant.division-code.reject',
      before,
      after,
      reason: input.reason,
    }),
  })
  return after
}
