import type { AuditEntry, AuthContext, Tenant } from '@pingce/core'
import type { Services } from '../services'

/**
 * The audit entry of an operator's decision on a tenant's division code. It goes into that tenant's
 * trail (the operator has none of its own), so the city reads who decided what and when.
 */
export function operatorAuditEntry(options: {
  deps: Pick<Services, 'clock' | 'newId'>
  caller: AuthContext
  action: string
  before: Tenant
  after: Tenant
  reason: string | undefined
}): AuditEntry {
  const { deps, caller, before, after, reason } = options
  const codeOf = (tenant: Tenant) => ({
    divisionCode: tenant.divisionCode,
    divisionCodeStatus: tenant.divisionCodeStatus,
  })
  return {
    auditId: deps.newId(),
    at: deps.clock().toISOString(),
    actorId: caller.userId,
    actorRole: caller.role,
    action: options.action,
    entityType: 'tenant',
    entityId: after.tenantId,
    before: codeOf(before),
    after: codeOf(after),
    ...(reason ? { reason } : {}),
  }
}
