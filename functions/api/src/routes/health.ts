import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { HealthProbe } from '@pingce/core'
import type { AppEnv } from '../app-env'
import { validationHook } from '../validation-hook'
import { appVersion } from '../version'

const DependencySchema = z.object({
  name: z.string().openapi({ example: 'dynamodb' }),
  ok: z.boolean(),
  latencyMs: z.number(),
  reason: z.string().optional(),
})

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string().openapi({ example: '0.1.0' }),
    dependencies: z.array(DependencySchema),
  })
  .openapi('Health')

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['系统 System'],
  summary: '健康检查 Health: version and whether DynamoDB and S3 answer',
  responses: {
    200: {
      description: 'All dependencies answer',
      content: { 'application/json': { schema: HealthSchema } },
    },
    503: {
      description: 'A dependency does not answer',
      content: { 'application/json': { schema: HealthSchema } },
    },
  },
})

export function healthRoutes(options: { probes: HealthProbe[] }): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(healthRoute, async (c) => {
    const dependencies = await Promise.all(options.probes.map((probe) => probe.check()))
    const isHealthy = dependencies.every((dependency) => dependency.ok)
    const body = {
      status: isHealthy ? ('ok' as const) : ('degraded' as const),
      version: appVersion,
      dependencies,
    }
    return isHealthy ? c.json(body, 200) : c.json(body, 503)
  })
}
