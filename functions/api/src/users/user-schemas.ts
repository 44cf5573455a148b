import { z } from '@hono/zod-openapi'
import { EmailSchema, PasswordSchema, TenantRoleSchema } from '@pingce/core'
import { UserOutSchema } from '../auth/identity-schemas'

export const InviteUserSchema = z
  .object({
    email: EmailSchema,
    displayName: z.string().trim().min(1).max(60).openapi({ example: '李评估' }),
    role: TenantRoleSchema,
    unitId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: 'Required for role `unit`, only then' }),
    temporaryPassword: PasswordSchema.optional().openapi({
      description: 'When absent one is generated and returned once',
    }),
  })
  .superRefine((body, ctx) => {
    if (body.role === 'unit' && !body.unitId) {
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'is required for role unit' })
    }
    if (body.role !== 'unit' && body.unitId) {
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'is only allowed for role unit' })
    }
  })
  .openapi('InviteUser')
export type InviteUser = z.infer<typeof InviteUserSchema>

export const InvitedUserSchema = z
  .object({
    user: UserOutSchema,
    temporaryPassword: z.string().optional().openapi({ description: 'Only when generated; shown this once' }),
  })
  .openapi('InvitedUser')

export const PasswordResetSchema = z
  .object({ newPassword: PasswordSchema.optional().openapi({ description: 'When absent one is generated' }) })
  .openapi('PasswordReset')

export const PasswordResetResultSchema = z
  .object({ userId: z.string(), temporaryPassword: z.string().optional() })
  .openapi('PasswordResetResult')

export const UserListSchema = z.object({ users: z.array(UserOutSchema) }).openapi('UserList')
