import { z } from '../zod'
import type { AuthContext } from './auth-context'
import { RoleSchema } from './role'

/**
 * What a verified token must say before it becomes an {@link AuthContext}: the operator and only the
 * operator has no tenant, and a `unit` user always names its unit. Both token issuers use it, so a
 * token that is well signed but inconsistent is refused the same way everywhere.
 */
export const AuthContextSchema = z
  .object({
    userId: z.string().min(1),
    email: z.string().min(3),
    role: RoleSchema,
    tenantId: z.string().min(1).optional(),
    unitId: z.string().min(1).optional(),
  })
  .refine((context) => (context.role === 'platform-operator') === (context.tenantId === undefined), {
    message: 'the operator and only the operator has no tenant',
    path: ['tenantId'],
  })
  .refine((context) => context.role !== 'unit' || context.unitId !== undefined, {
    message: 'a unit user needs a unit',
    path: ['unitId'],
  })
  .transform(
    (context): AuthContext => ({
      userId: context.userId,
      email: context.email,
      role: context.role,
      tenantId: context.tenantId,
      unitId: context.unitId,
    }),
  )
