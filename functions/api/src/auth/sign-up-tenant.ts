import {
  type IssuedToken,
  NewTenantIdSchema,
  parseInput,
  type Tenant,
  type TenantTier,
  type User,
} from '@pingce/core'
import { auditEntryOf } from '../audit/audit-entry-of'
import type { Services } from '../services'

export interface SignUpResult {
  tenant: Tenant
  admin: User
  token: IssuedToken
}

/**
 * A city signs itself up: the tenant (claiming its id and division code), the admin's identity
 * (claiming the email), the admin's profile, and a token so the admin is signed in at once. The
 * tenant goes first so an identity never exists for a tenant someone else owns. If a later step
 * fails, the earlier ones are undone in reverse order and the first error is what the caller sees.
 */
export async function signUpTenant(options: {
  deps: Pick<Services, 'tenants' | 'identity' | 'users' | 'clock' | 'newId'>
  tenant: { tenantId: string; name: string; divisionCode: string; tier: TenantTier }
  admin: { email: string; displayName: string; password: string }
}): Promise<SignUpResult> {
  const { deps, admin } = options
  // The route checks this too; the seeding or a worker may call without one.
  parseInput({
    schema: NewTenantIdSchema,
    value: options.tenant.tenantId,
    message: '租户标识不可用',
    prefix: 'tenantId',
  })
  const createdAt = deps.clock().toISOString()
  const undo: (() => Promise<void>)[] = []
  try {
    const tenant = await deps.tenants.createTenant({ tenant: { ...options.tenant, createdAt } })
    undo.push(() => deps.tenants.deleteTenant({ tenantId: tenant.tenantId }))
    const userId = deps.newId()
    await deps.identity.createIdentity({
      tenantId: tenant.tenantId,
      userId,
      email: admin.email,
      role: 'admin',
      unitId: undefined,
      password: admin.password,
    })
    undo.push(async () => {
      await deps.identity.deleteIdentity({ tenantId: tenant.tenantId, userId })
    })
    const user: User = {
      userId,
      email: admin.email,
      displayName: admin.displayName,
      role: 'admin',
      createdAt,
      createdBy: userId,
      isActive: true,
    }
    const audit = auditEntryOf({
      actor: { userId, role: 'admin' },
      at: createdAt,
      newId: deps.newId,
      action: 'tenant.sign-up',
      entityType: 'user',
      entityId: userId,
      after: { tenant, admin: user },
    })
    // The token first: the profile is the last write, so a failure never leaves a profile behind.
    const token = await deps.identity.signIn({ email: admin.email, password: admin.password })
    await deps.users.putUser({ tenantId: tenant.tenantId, user, audit })
    return { tenant, admin: user, token }
  } catch (error) {
    for (const step of undo.reverse()) {
      // An undo that fails must not hide the original error; what is left over is an orphan
      // tenant without users, which the operator can see in the tenant list.
      await step().catch(() => {})
    }
    throw error
  }
}
