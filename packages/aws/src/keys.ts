import { TenantIdSchema } from '@pingce/core'

/**
 * Every DynamoDB key of the product is built here and nowhere else.
 *
 * Tenant items: `pk = TENANT#<tenantId>` exactly, and the GSI partition keys of tenant items are the
 * same string. That exactness is what lets the tenant-scoped IAM role allow access with
 * `ForAllValues:StringEquals dynamodb:LeadingKeys = TENANT#${aws:PrincipalTag/TenantId}`: a key
 * like `TENANT#a#EVAL#1` would be refused, so the hierarchy lives in the sort keys.
 *
 * Platform items (the tenant register, logins before the tenant is known, published national
 * aggregates) live under `PLATFORM#…` partitions, which only the function's own role may touch.
 */
export function tenantPartition(tenantId: string): string {
  // Re-validated here because a key is the last line of defence: an id with `#` could forge a key.
  const parsed = TenantIdSchema.safeParse(tenantId)
  if (!parsed.success) throw new Error('invalid tenant id for a key')
  return `TENANT#${tenantId}`
}

const segment = (value: string): string => {
  if (value.length === 0 || value.includes('#')) throw new Error('invalid key segment')
  return value
}

export const platformKeys = {
  tenantRegister: (tenantId: string) => ({ pk: 'PLATFORM#TENANTS', sk: `TENANT#${segment(tenantId)}` }),
  tenantRegisterPrefix: { pk: 'PLATFORM#TENANTS', skPrefix: 'TENANT#' },
  divisionCodeClaim: (divisionCode: string) => ({
    pk: 'PLATFORM#DIVISIONS',
    sk: `DIVISION#${segment(divisionCode)}`,
  }),
  loginByEmail: (email: string) => ({ pk: 'PLATFORM#LOGINS', sk: `EMAIL#${segment(email.toLowerCase())}` }),
} as const

export const tenantKeys = {
  profile: (tenantId: string) => ({ pk: tenantPartition(tenantId), sk: 'PROFILE' }),
} as const
