import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { EmailSchema } from '@pingce/core'
import type { AppEnv } from '../app-env'
import { bearerSecurity, errorResponses, json } from '../http/error-responses'
import { validationHook } from '../http/validation-hook'
import type { Services } from '../services'
import { getCaller } from './get-caller'
import { CallerSchema, IssuedTokenSchema, TenantOutSchema, UserOutSchema } from './identity-schemas'
import { signIn } from './sign-in'

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
  request: { body: { ...json(TokenRequestSchema), required: true } },
  responses: {
    200: { description: 'A bearer token', ...json(IssuedTokenSchema) },
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
    200: { description: 'The caller', ...json(MeResponseSchema) },
    ...errorResponses(401, 429),
  },
})

/** POST /auth/token: public, mount before `authenticate`. */
export function tokenRoutes(deps: Pick<Services, 'identity'>): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(tokenRoute, async (c) =>
    c.json(await signIn({ deps, input: c.req.valid('json') }), 200),
  )
}

/** GET /me: mount after `authenticate`. */
export function meRoutes(deps: Pick<Services, 'users' | 'tenants'>): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(meRoute, async (c) =>
    c.json(await getCaller({ deps, caller: c.get('auth') }), 200),
  )
}
