import { z } from '../zod'
import { TenantRoleSchema } from './role'

export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email('must be an email address'))

/** The tenant's view of a user: profile and role. Credentials live with the identity provider. */
export const UserSchema = z.object({
  userId: z.string().min(1),
  email: EmailSchema,
  displayName: z.string().trim().min(1).max(60),
  role: TenantRoleSchema,
  unitId: z.string().min(1).optional(),
  createdAt: z.string().datetime(),
  createdBy: z.string(),
  isActive: z.boolean(),
})
export type User = z.infer<typeof UserSchema>

/** Passwords: at least 10 characters with a letter and a digit (Cognito's policy is set to match). */
export const PasswordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(128, 'must be at most 128 characters')
  .regex(/[A-Za-z]/, 'must contain a letter')
  .regex(/\d/, 'must contain a digit')
