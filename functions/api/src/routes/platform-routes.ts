import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppEnv } from '../app-env'
import type { AuthDeps } from '../auth/auth-deps'
import { TenantOutSchema } from '../auth/auth-schemas'
import { requireRole } from '../auth/require-role'
import { validationHook } from '../validation-hook'
import { bearerSecurity, errorResponses } from './error-responses'

export const TenantListSchema = z.object({ tenants: z.array(TenantOutSchema) }).openapi('TenantList')

const listTenantsRoute = createRoute({
  method: 'get',
  path: '/platform/tenants',
  tags: ['平台运营 Platform operation'],
  summary: '租户列表 All cities signed up (platform operator only)',
  security: bearerSecurity,
  middleware: [requireRole('platform-operator')] as const,
  responses: {
    200: { description: 'Every tenant', content: { 'application/json': { schema: TenantListSchema } } },
    ...errorResponses(401, 403, 429),
  },
})

/** The platform operator's routes: the only ones that see across tenants. Mount after `authenticate`. */
export function platformRoutes(deps: Pick<AuthDeps, 'tenants'>): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(listTenantsRoute, async (c) =>
    c.json({ tenants: await deps.tenants.listTenants() }, 200),
  )
}
