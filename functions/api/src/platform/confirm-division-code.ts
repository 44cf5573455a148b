import { type AuthContext, NotFoundError, type Tenant } from '@pingce/core'
import type { Services } from '../services'
import { assertPlatformOperator } from './assert-platform-operator'
import { operatorAuditEntry } from './operator-audit-entry'

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
  const { deps, caller, input } = options
  assertPlatformOperator({ caller })
  const before = await deps.tenants.getTenant({ tenantId: input.tenantId })
  if (!before) throw new NotFoundError({ message: '未找到该租户' })
  if (before.divisionCodeStatus === 'confirmed') return before
  const after = await deps.tenants.confirmDivisionCode({ tenantId: input.tenantId })
  await deps.audit.append({
    tenantId: after.tenantId,
    audit: operatorAuditEntry({
      deps,
      caller,
      action: 'tenant.division-code.confirm',
      before,
      after,
      reason: input.reason,
    }),
  })
  return after
}
