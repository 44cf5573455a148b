import { z } from '../zod'

/**
 * Who does what (DOMAIN.md "Who uses it"):
 * - `platform-operator`: onboards cities, reads the national benchmark; no tenant of its own.
 * - `admin`: the city's e-government office; everything inside its tenant.
 * - `evaluator`: enters and justifies scores while an evaluation is a draft.
 * - `supervisor`: reviews; reads everything of the tenant, including the audit trail; changes nothing.
 * - `unit`: a district or department user, bound to one unit; reads that unit's published results.
 */
export const RoleSchema = z.enum(['platform-operator', 'admin', 'evaluator', 'supervisor', 'unit'])
export type Role = z.infer<typeof RoleSchema>

export const tenantRoles = ['admin', 'evaluator', 'supervisor', 'unit'] as const satisfies readonly Role[]
export const TenantRoleSchema = z.enum(tenantRoles)
export type TenantRole = z.infer<typeof TenantRoleSchema>
