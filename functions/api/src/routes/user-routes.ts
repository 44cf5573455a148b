import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  ConflictError,
  EmailSchema,
  NotFoundError,
  PasswordSchema,
  TenantRoleSchema,
  type User,
} from '@pingce/core'
import type { AppEnv } from '../app-env'
import type { AuthDeps } from '../auth/auth-deps'
import { UserIdParamsSchema, UserOutSchema } from '../auth/auth-schemas'
import { generatePassword } from '../auth/generate-password'
import { requireRole } from '../auth/require-role'
import { tenantOf } from '../auth/tenant-of'
import { validationHook } from '../validation-hook'
import { bearerSecurity, errorResponses } from './error-responses'

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

const tags = ['用户管理 Users']
const common = { tags, security: bearerSecurity, middleware: [requireRole('admin')] }
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } })

const inviteRoute = createRoute({
  ...common,
  method: 'post',
  path: '/users',
  summary: '邀请用户 Invite a user of the tenant with a role',
  request: { body: { ...json(InviteUserSchema), required: true } },
  responses: {
    201: { description: 'The new user', ...json(InvitedUserSchema) },
    ...errorResponses(400, 401, 403, 409, 429),
  },
})
const listRoute = createRoute({
  ...common,
  method: 'get',
  path: '/users',
  summary: '用户列表 Users of the tenant',
  responses: {
    200: { description: 'Users', ...json(z.object({ users: z.array(UserOutSchema) }).openapi('UserList')) },
    ...errorResponses(401, 403, 429),
  },
})
const getRoute = createRoute({
  ...common,
  method: 'get',
  path: '/users/{userId}',
  summary: '用户详情 One user of the tenant',
  request: { params: UserIdParamsSchema },
  responses: {
    200: { description: 'The user', ...json(UserOutSchema) },
    ...errorResponses(401, 403, 404, 429),
  },
})
const resetRoute = createRoute({
  ...common,
  method: 'post',
  path: '/users/{userId}/password-reset',
  summary: '重置密码 Reset a password (also lifts a lock-out)',
  request: { params: UserIdParamsSchema, body: { ...json(PasswordResetSchema), required: false } },
  responses: {
    200: { description: 'Reset done', ...json(PasswordResetResultSchema) },
    ...errorResponses(400, 401, 403, 404, 429),
  },
})
const disableRoute = createRoute({
  ...common,
  method: 'post',
  path: '/users/{userId}/disable',
  summary: '停用用户 Disable a user: no further sign-in',
  request: { params: UserIdParamsSchema },
  responses: {
    200: { description: 'The disabled user', ...json(UserOutSchema) },
    ...errorResponses(401, 403, 404, 409, 429),
  },
})

/**
 * The admin's user management. The tenant is always the caller's own (from the token); a user id of
 * another tenant is simply not found there, so the answer is the same 404 as for an unknown id.
 */
export function userRoutes(deps: AuthDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  const userOf = async (tenantId: string, userId: string): Promise<User> => {
    const user = await deps.users.getUser({ tenantId, userId })
    if (!user) throw new NotFoundError({ message: '未找到该用户' })
    return user
  }

  app.openapi(inviteRoute, async (c) => {
    const tenantId = tenantOf(c)
    const body = c.req.valid('json')
    const password = body.temporaryPassword ?? generatePassword()
    const userId = deps.newId()
    await deps.identity.createIdentity({
      tenantId,
      userId,
      email: body.email,
      role: body.role,
      unitId: body.unitId,
      password,
    })
    const user: User = {
      userId,
      email: body.email,
      displayName: body.displayName,
      role: body.role,
      ...(body.unitId ? { unitId: body.unitId } : {}),
      createdAt: deps.clock().toISOString(),
      createdBy: c.get('auth').userId,
      isActive: true,
    }
    try {
      await deps.users.putUser({ tenantId, user })
    } catch (error) {
      // Without a profile the login would be invisible to the admin: take it back.
      await deps.identity.disableIdentity({ tenantId, userId }).catch(() => {})
      throw error
    }
    return c.json({ user, ...(body.temporaryPassword ? {} : { temporaryPassword: password }) }, 201)
  })

  app.openapi(listRoute, async (c) =>
    c.json({ users: await deps.users.listUsers({ tenantId: tenantOf(c) }) }, 200),
  )

  app.openapi(getRoute, async (c) => c.json(await userOf(tenantOf(c), c.req.valid('param').userId), 200))

  app.openapi(resetRoute, async (c) => {
    const tenantId = tenantOf(c)
    const { userId } = await userOf(tenantId, c.req.valid('param').userId)
    // The body is optional: without a JSON body the validator passes an empty object.
    const given = c.req.valid('json')?.newPassword
    const newPassword = given ?? generatePassword()
    await deps.identity.resetPassword({ tenantId, userId, newPassword })
    return c.json({ userId, ...(given ? {} : { temporaryPassword: newPassword }) }, 200)
  })

  app.openapi(disableRoute, async (c) => {
    const tenantId = tenantOf(c)
    const user = await userOf(tenantId, c.req.valid('param').userId)
    if (user.userId === c.get('auth').userId) {
      throw new ConflictError({ message: '不能停用自己的账户' })
    }
    await deps.identity.disableIdentity({ tenantId, userId: user.userId })
    const disabled = { ...user, isActive: false }
    await deps.users.putUser({ tenantId, user: disabled })
    return c.json(disabled, 200)
  })

  return app
}
