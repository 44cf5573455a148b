import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { HealthProbe } from '@pingce/core'
import type { AppEnv } from '../app-env'
import { validationHook } from '../http/validation-hook'
import { appVersion } from '../version'
import { checkHealth } from './check-health'

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

const liveRoute = createRoute({
  method: 'get',
  path: '/health/live',
  tags: ['系统 System'],
  summary: '存活检查（不访问依赖）Liveness: answers without touching any dependency',
  responses: {
    200: {
      description: 'The process answers',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok'), version: z.string() }) } },
    },
  },
})

export function healthRoutes(options: { probes: HealthProbe[] }): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(liveRoute, (c) => c.json({ status: 'ok' as const, version: appVersion }, 200))
  return app.openapi(healthRoute, async (c) => {
    const health = await checkHealth(options)
    return health.status === 'ok' ? c.json(health, 200) : c.json(health, 503)
  })
}
