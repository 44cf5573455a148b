import { OpenAPIHono } from '@hono/zod-openapi'
import { type BlobStore, type HealthProbe, NotFoundError, type TenantDirectory } from '@pingce/core'
import { Scalar } from '@scalar/hono-api-reference'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from './app-env'
import { ErrorResponseSchema } from './errors/error-response'
import { handleError, payloadTooLarge } from './errors/handle-error'
import type { Logger } from './logging/logger'
import { requestContext } from './middleware/request-context'
import { healthRoutes } from './routes/health'
import { validationHook } from './validation-hook'
import { appVersion } from './version'

export interface AppDeps {
  logger: Logger
  probes: HealthProbe[]
  maxBodyBytes: number
  tenants: TenantDirectory
  blobs: BlobStore
}

/**
 * Builds the whole HTTP API from its dependencies. It knows nothing of Lambda or Node servers:
 * `lambda.ts` wraps it with `hono/aws-lambda`, `local/serve.ts` with `@hono/node-server`, and tests
 * call `app.request()` directly.
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.use(requestContext({ logger: deps.logger }))
  app.use(secureHeaders({ contentSecurityPolicy: undefined }))
  app.use(
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: () => {
        throw payloadTooLarge(deps.maxBodyBytes)
      },
    }),
  )
  app.onError(handleError)
  app.notFound((c) => handleError(new NotFoundError({ message: '未找到该资源' }), c))

  app.route('/', healthRoutes({ probes: deps.probes }))

  app.openAPIRegistry.register('ErrorResponse', ErrorResponseSchema)
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Pingce 评测 API',
      version: appVersion,
      description: '政府网站绩效评估服务 API — government website performance evaluation service',
    },
  })
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'Pingce 评测 API' }))
  return app
}
