import { EntityIdSchema } from '../org/unit-group'
import { TenantIdSchema } from '../tenants/tenant'
import { AuthContextSchema } from './auth-context-schema'

/**
 * What a verified token must say before it becomes the caller: {@link AuthContextSchema}, with each
 * id in the format keys are built from (a tenant id slug, user and unit ids). A token signed with the
 * right key that names tenant `TENANT#x` or `A B` is then refused as not signed in (401) at the door,
 * instead of reaching a key builder that throws (500). Every identity provider and `authenticate` use it.
 */
export const VerifiedAuthContextSchema = AuthContextSchema.superRefine((context, ctx) => {
  if (context.tenantId !== undefined && !TenantIdSchema.safeParse(context.tenantId).success) {
    ctx.addIssue({ code: 'custom', path: ['tenantId'], message: 'is not a tenant id' })
  }
  if (!EntityIdSchema.safeParse(context.userId).success) {
    ctx.addIssue({ code: 'custom', path: ['userId'], message: 'is not a user id' })
  }
  if (context.unitId !== undefined && !EntityIdSchema.safeParse(context.unitId).success) {
    ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'is not a unit id' })
  }
})
