import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../app-env'
import { UserIdParamsSchema, UserOutSchema } from '../auth/identity-schemas'
import { actorOf } from '../http/actor-of'
import { errorResponses, json, secured } from '../http/error-responses'
import { validationHook } from '../http/validation-hook'
import type { Services } from '../services'
import { disableUser } from './disable-user'
import { getUser } from './get-user'
import { inviteUser, manageUsersRoles } from './invite-user'
import { listUsers } from './list-users'
import { resetPassword } from './reset-password'
import {
  InvitedUserSchema,
  InviteUserSchema,
  PasswordResetResultSchema,
  PasswordResetSchema,
  UserListSchema,
} from './user-schemas'

const tags = ['用户管理 Users']

const inviteRoute = createRoute({
  method: 'post',
  path: '/users',
  tags,
  summary: '邀请用户 Invite a user of the tenant with a role',
  ...secured(manageUsersRoles),
  request: { body: { ...json(InviteUserSchema), required: true } },
  responses: {
    201: { description: 'The new user', ...json(InvitedUserSchema) },
    ...errorResponses(400, 401, 403, 409, 429),
  },
})

const listRoute = createRoute({
  method: 'get',
  path: '/users',
  tags,
  summary: '用户列表 Users of the tenant',
  ...secured(manageUsersRoles),
  responses: {
    200: { description: 'Users', ...json(UserListSchema) },
    ...errorResponses(401, 403, 429),
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/users/{userId}',
  tags,
  summary: '用户详情 One user of the tenant',
  ...secured(manageUsersRoles),
  request: { params: UserIdParamsSchema },
  responses: {
    200: { description: 'The user', ...json(UserOutSchema) },
    ...errorResponses(401, 403, 404, 429),
  },
})

const resetRoute = createRoute({
  method: 'post',
  path: '/users/{userId}/password-reset',
  tags,
  summary: '重置密码 Reset a password (also lifts a lock-out)',
  ...secured(manageUsersRoles),
  request: { params: UserIdParamsSchema, body: { ...json(PasswordResetSchema), required: false } },
  responses: {
    200: { description: 'Reset done', ...json(PasswordResetResultSchema) },
    ...errorResponses(400, 401, 403, 404, 429),
  },
})

const disableRoute = createRoute({
  method: 'post',
  path: '/users/{userId}/disable',
  tags,
  summary: '停用用户 Disable a user: no further sign-in',
  ...secured(manageUsersRoles),
  request: { params: UserIdParamsSchema },
  responses: {
    200: { description: 'The disabled user', ...json(UserOutSchema) },
    ...errorResponses(401, 403, 404, 409, 429),
  },
})

/** The admin's user management; the tenant is always the caller's own (from the token). */
export function userRoutes(deps: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(inviteRoute, async (c) =>
    c.json(await inviteUser({ deps, actor: actorOf(c), input: c.req.valid('json') }), 201),
  )
  app.openapi(listRoute, async (c) => c.json({ users: await listUsers({ deps, actor: actorOf(c) }) }, 200))
  app.openapi(getRoute, async (c) =>
    c.json(await getUser({ deps, actor: actorOf(c), input: c.req.valid('param') }), 200),
  )
  app.openapi(resetRoute, async (c) => {
    // The body is optional: without a JSON body the validator passes an empty object.
    const input = { ...c.req.valid('param'), newPassword: c.req.valid('json')?.newPassword }
    return c.json(await resetPassword({ deps, actor: actorOf(c), input }), 200)
  })
  app.openapi(disableRoute, async (c) =>
    c.json(await disableUser({ deps, actor: actorOf(c), input: c.req.valid('param') }), 200),
  )
  return app
}
