import { z } from '@hono/zod-openapi'
import { RoleSchema, TenantSchema, UserSchema } from '@pingce/core'

/** The OpenAPI shapes the identity routes share, each registered once under its name. */
export const IssuedTokenSchema = z
  .object({
    accessToken: z.string().openapi({ description: 'Send as `Authorization: Bearer <accessToken>`' }),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().openapi({ description: 'Seconds until the token expires', example: 3600 }),
  })
  .openapi('IssuedToken')

// Rebuilt with this module's `z`: zod 4 gives a schema the `.openapi` method only if it was created
// after @hono/zod-openapi loaded, and the core's schemas may have been created before.
export const UserOutSchema = z.object(UserSchema.shape).openapi('User')

export const TenantOutSchema = z.object(TenantSchema.shape).openapi('Tenant')

export const CallerSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    role: RoleSchema,
    tenantId: z.string().optional().openapi({ description: 'Absent for the platform operator' }),
    unitId: z.string().optional(),
  })
  .openapi('Caller')

export const UserIdParamsSchema = z.object({
  userId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be a user id')
    .openapi({ param: { name: 'userId', in: 'path' }, example: '01JDQ4Z5V3R8' }),
})
