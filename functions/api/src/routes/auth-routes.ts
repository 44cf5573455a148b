import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { EmailSchema, type Tenant, type User } from '@pingce/core'
import type { AppEnv } from '../app-env'
import type { AuthDeps } from '../auth/auth-deps'
import { CallerSchema, IssuedTokenSchema, TenantOutSchema, UserOutSchema } from '../auth/auth-schemas'
import { validationHook } from '../validation-hook'
import { bearerSecurity, errorResponses } from './error-responses'

const tags = ['身份与访问 Identity and access']

export const TokenRequestSchema = z
  .object({
    email: EmailSchema,
    // Not the password policy: an old password that no longer meets it must still get a clean 401.
    password: z.string().min(1).max(128),
  })
  .openapi('TokenRequest')

export const MeResponseSchema = z
  .object({
    caller: CallerSchema,
    user: UserOutSchema.optional().openapi({ description: 'Absent for the platform operator' }),
    tenant: TenantOutSchema.optional(),
  })
  .openapi('MeResponse')

const tokenRoute = createRoute({
  method: 'post',
  path: '/auth/token',
  tags,
  summary: '登录 Sign in with email and password',
  description:
    '连续 5 次失败后锁定 15 分钟。After 5 consecutive failures the account is locked for 15 minutes (429).',
  request: { body: { content: { 'application/json': { schema: TokenRequestSchema } }, required: true } },
  responses: {
    200: { description: 'A bearer token', content: { 'application/json': { schema: IssuedTokenSchema } } },
    ...errorResponses(400, 401, 429),
  },
})

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags,
  summary: '当前用户 The caller: verified context, profile and tenant',
  security: bearerSecurity,
  responses: {
    200: { description: 'The caller', content: { 'application/json': { schema: MeResponseSchema } } },
    ...errorResponses(401, 429),
  },
})

/** POST /auth/token: public, mount before `authenticate`. */
export function tokenRoutes(deps: Pick<AuthDeps, 'identity'>): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(tokenRoute, async (c) => {
    const { email, password } = c.req.valid('json')
    return c.json(await deps.identity.signIn({ email, password }), 200)
  })
}

/** GET /me: mount after `authenticate`. */
export function meRoutes(deps: Pick<AuthDeps, 'users' | 'tenants'>): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(meRoute, async (c) => {
    const caller = c.get('auth')
    let user: User | undefined
    let tenant: Tenant | undefined
    if (caller.tenantId) {
      ;[user, tenant] = await Promise.all([
        deps.users.getUser({ tenantId: caller.tenantId, userId: caller.userId }),
        deps.tenants.getTenant({ tenantId: caller.tenantId }),
      ])
    }
    return c.json({ caller, ...(user ? { user } : {}), ...(tenant ? { tenant } : {}) }, 200)
  })
}
