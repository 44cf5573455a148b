import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../app-env'
import { TenantOutSchema } from '../auth/identity-schemas'
import { errorResponses, json, secured } from '../http/error-responses'
import { validationHook } from '../http/validation-hook'
import type { Services } from '../services'
import { confirmDivisionCode } from './confirm-division-code'
import { listTenants } from './list-tenants'
import { DivisionCodeDecisionSchema, TenantIdParamsSchema, TenantListSchema } from './platform-schemas'
import { rejectDivisionCode } from './reject-division-code'

const tags = ['平台运营 Platform operation']

const listTenantsRoute = createRoute({
  method: 'get',
  path: '/platform/tenants',
  tags,
  summary: '租户列表 All cities signed up, with the status of their division codes (platform operator only)',
  ...secured(['platform-operator']),
  responses: {
    200: { description: 'Every tenant', ...json(TenantListSchema) },
    ...errorResponses(401, 403, 429),
  },
})

const confirmRoute = createRoute({
  method: 'post',
  path: '/platform/tenants/{tenantId}/division-code/confirm',
  tags,
  summary: '确认行政区划代码 Confirm a tenant’s division code: it becomes exclusive to the tenant',
  description:
    '注册时行政区划代码仅为待确认；确认后该代码归该租户独有，其他租户不能再以此注册。' +
    ' A sign-up only claims its code (pending); once confirmed no other tenant may sign up with it or have it confirmed (409).',
  ...secured(['platform-operator']),
  request: { params: TenantIdParamsSchema, body: { ...json(DivisionCodeDecisionSchema), required: false } },
  responses: {
    200: { description: 'The tenant, its code confirmed', ...json(TenantOutSchema) },
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
})

const rejectRoute = createRoute({
  method: 'post',
  path: '/platform/tenants/{tenantId}/division-code/reject',
  tags,
  summary: '驳回行政区划代码 Reject a tenant’s claim to its division code (frees it if confirmed)',
  ...secured(['platform-operator']),
  request: { params: TenantIdParamsSchema, body: { ...json(DivisionCodeDecisionSchema), required: false } },
  responses: {
    200: { description: 'The tenant, its claim rejected', ...json(TenantOutSchema) },
    ...errorResponses(400, 401, 403, 404, 429),
  },
})

/** The platform operator's routes: the only ones that see across tenants. Mount after `authenticate`. */
export function platformRoutes(
  deps: Pick<Services, 'tenants' | 'audit' | 'clock' | 'newId'>,
): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(listTenantsRoute, async (c) =>
    c.json({ tenants: await listTenants({ deps, caller: c.get('auth') }) }, 200),
  )
  // The body is optional: without a JSON body the validator passes an empty object.
  app.openapi(confirmRoute, async (c) => {
    const input = { ...c.req.valid('param'), reason: c.req.valid('json')?.reason }
    return c.json(await confirmDivisionCode({ deps, caller: c.get('auth'), input }), 200)
  })
  app.openapi(rejectRoute, async (c) => {
    const input = { ...c.req.valid('param'), reason: c.req.valid('json')?.reason }
    return c.json(await rejectDivisionCode({ deps, caller: c.get('auth'), input }), 200)
  })
  return app
}
