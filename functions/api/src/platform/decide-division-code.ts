import { type AuthContext, type DivisionCodeStatus, NotFoundError, type Tenant } from '@pingce/core'
import type { Services } from '../services'
import { assertPlatformOperator } from './assert-platform-operator'
import { operatorAuditEntry } from './operator-audit-entry'

/**
 * The operator's decision on a tenant's division code, shared by confirming and rejecting: only the
 * operator decides; a decision already taken changes nothing and is not audited again; a new one
 * is applied and appended to the tenant's trail with its reason.
 */
export async function decideDivisionCode(options: {
  deps: Pick<Services, 'tenants' | 'audit' | 'clock' | 'newId'>
  caller: AuthContext
  input: { tenantId: string; reason?: string | undefined }
  decision: Exclude<DivisionCodeStatus, 'pending'>
  apply: (tenantId: string) => Promise<Tenant>
}): Promise<Tenant> {
  const { deps, caller, input, decision } = options
  assertPlatformOperator({ caller })
  const before = await deps.tenants.getTenant({ tenantId: input.tenantId })
  if (!before) throw new NotFoundError({ message: '未找到该租户' })
  if (before.divisionCodeStatus === decision) return before
  const after = await options.apply(input.tenantId)
  const action = decision === 'confirmed' ? 'tenant.division-code.confirm' : 'tenant.division-code.reject'
  await deps.audit.append({
    tenantId: after.tenantId,
    audit: operatorAuditEntry({ deps, caller, action, before, after, reason: input.reason }),
  })
  return after
}
