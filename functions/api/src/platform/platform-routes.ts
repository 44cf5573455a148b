import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppEnv } from '../app-env'
import { TenantOutSchema } from '../auth/identity-schemas'
import { errorResponses, json, secured } from '../http/error-responses'
import { validationHook } from '../http/validation-hook'
import type { Services } from '../services'
import { listTenants } from './list-tenants'

export const TenantListSchema = z.object({ tenants: z.array(TenantOutSchema) }).openapi('TenantList')

const listTenantsRoute = createRoute({
  method: 'get',
  path: '/platform/tenants',
  tags: ['平台运营 Platform operation'],
  summary: '租户列表 All cities signed up (platform operator only)',
  ...secured(['platform-operator']),
  responses: {
    200: { description: 'Every tenant', ...json(TenantListSchema) },
    ...errorResponses(401, 403, 429),
  },
})

/** The platform operator's routes: the only ones that see across tenants. Mount after `authenticate`. */
export function platformRoutes(deps: Pick<Services, 'tenants'>): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(listTenantsRoute, async (c) =>
    c.json({ tenants: await listTenants({ deps, caller: c.get('auth') }) }, 200),
  )
}
