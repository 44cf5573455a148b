import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { EmailSchema, NewTenantIdSchema, PasswordSchema, TenantSchema } from '@pingce/core'
import type { AppEnv } from '../app-env'
import { errorResponses, json } from '../http/error-responses'
import { validationHook } from '../http/validation-hook'
import type { Services } from '../services'
import { IssuedTokenSchema, TenantOutSchema, UserOutSchema } from './identity-schemas'
import { signUpTenant } from './sign-up-tenant'

// The status of the division code is the register's to set (pending), never the caller's.
export const SignUpRequestSchema = TenantSchema.omit({ createdAt: true, divisionCodeStatus: true })
  .extend({
    tenantId: NewTenantIdSchema.openapi({ example: 'zhengzhou' }),
    admin: z.object({
      email: EmailSchema,
      displayName: z.string().trim().min(1).max(60).openapi({ example: '王主任' }),
      password: PasswordSchema.describe('At least 10 characters with a letter and a digit'),
    }),
  })
  .openapi('SignUpRequest')
export type SignUpRequest = z.infer<typeof SignUpRequestSchema>

export const SignUpResponseSchema = z
  .object({ tenant: TenantOutSchema, admin: UserOutSchema, token: IssuedTokenSchema })
  .openapi('SignUpResponse')

const signUpRoute = createRoute({
  method: 'post',
  path: '/signup',
  tags: ['身份与访问 Identity and access'],
  summary: '城市注册 A city signs up and gets its admin account',
  description:
    '公开接口：创建租户、管理员账户并直接登录。Public: creates the tenant and its admin, and signs the admin in.',
  request: {
    body: { ...json(SignUpRequestSchema), required: true },
  },
  responses: {
    201: {
      description: 'The tenant, its admin and a token for the admin',
      ...json(SignUpResponseSchema),
    },
    ...errorResponses(400, 409, 413, 429),
  },
})

/** POST /signup: public, so mount it before `authenticate`. */
export function signupRoutes(deps: Services): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(signUpRoute, async (c) => {
    const { admin, ...tenant } = c.req.valid('json')
    const result = await signUpTenant({ deps, tenant, admin })
    return c.json(result, 201)
  })
}
