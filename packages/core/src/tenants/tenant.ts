import { z } from '../zod'

/** Administrative tiers as CSTC groups them (部委 is the national body's own tier). */
export const TenantTierSchema = z.enum(['省级', '副省级', '省会', '地市', '区县'])
export type TenantTier = z.infer<typeof TenantTierSchema>

/** Tenant ids are short lowercase slugs: they appear in keys, S3 prefixes and IAM session tags. */
export const TenantIdSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/,
    'must be 3–40 lowercase letters, digits or hyphens, starting with a letter',
  )

/**
 * Ids no city may take at sign-up: names of the platform itself (its operator, hosts and paths a
 * tenant id may one day appear beside, in a subdomain or a URL) and of tests and demos, which would
 * read as official. Tenants that exist keep their ids; only new ones are refused.
 */
export const reservedTenantIds: readonly string[] = [
  'platform',
  'admin',
  'administrator',
  'api',
  'app',
  'www',
  'web',
  'static',
  'assets',
  'cdn',
  'media',
  'files',
  'docs',
  'help',
  'support',
  'status',
  'health',
  'auth',
  'login',
  'logout',
  'signin',
  'signup',
  'register',
  'account',
  'accounts',
  'tenant',
  'tenants',
  'user',
  'users',
  'console',
  'dashboard',
  'mail',
  'email',
  'system',
  'root',
  'internal',
  'operator',
  'security',
  'pingce',
  'official',
  'gov',
  'test',
  'tests',
  'testing',
  'demo',
  'example',
  'sample',
  'sandbox',
  'staging',
  'null',
  'undefined',
]

/** The id a new city may sign up with: a tenant id that is not reserved. */
export const NewTenantIdSchema = TenantIdSchema.refine((tenantId) => !reservedTenantIds.includes(tenantId), {
  message: 'is reserved for the platform',
})

/**
 * Whether a tenant's division code is its own. A sign-up only claims it (`pending`, and several
 * tenants may claim one code); the platform operator confirms one claim, which makes the code
 * exclusive, or rejects it.
 */
export const DivisionCodeStatusSchema = z.enum(['pending', 'confirmed', 'rejected'])
export type DivisionCodeStatus = z.infer<typeof DivisionCodeStatusSchema>

export const TenantSchema = z.object({
  tenantId: TenantIdSchema,
  name: z.string().trim().min(2).max(60),
  /** 行政区划代码: six digits, e.g. 410100 for 郑州市. */
  divisionCode: z.string().regex(/^\d{6}$/, 'must be a six-digit administrative division code'),
  // Tenants registered before confirmation existed own their code exclusively (first come): confirmed.
  divisionCodeStatus: DivisionCodeStatusSchema.default('confirmed'),
  tier: TenantTierSchema,
  createdAt: z.string().datetime(),
})
export type Tenant = z.infer<typeof TenantSchema>
/** A tenant as it signs up: the register decides the status of its division code (pending). */
export type NewTenant = Omit<Tenant, 'divisionCodeStatus'>
