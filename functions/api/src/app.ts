import { OpenAPIHono } from '@hono/zod-openapi'
import { type HealthProbe, NotFoundError } from '@pingce/core'
import { indexPage } from '@pingce/web'
import { Scalar } from '@scalar/hono-api-reference'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from './app-env'
import { auditRoutes } from './audit/audit-routes'
import { mountIdentity } from './auth/mount-identity'
import type { RateLimitOptions } from './auth/rate-limit'
import { evaluationRoutes } from './evaluations/evaluation-routes'
import { faviconRoutes } from './favicon/favicon-routes'
import { healthRoutes } from './health/health-routes'
import { ErrorResponseSchema } from './http/error-response'
import { handleError, payloadTooLarge } from './http/handle-error'
import { validationHook } from './http/validation-hook'
import type { Logger } from './logging/logger'
import { requestContext } from './middleware/request-context'
import { orgRoutes } from './org/org-routes'
import { PublishedResultsCache } from './results/published-results-cache'
import { resultRoutes } from './results/result-routes'
import { schemeRoutes } from './schemes/scheme-routes'
import { scoreRoutes } from './scores/score-routes'
import type { Services } from './services'
import { appVersion } from './version'

/** What the app is built from: the ports of the use cases and the HTTP settings. */
export interface AppDeps extends Services {
  logger: Logger
  probes: HealthProbe[]
  maxBodyBytes: number
  rateLimit?: RateLimitOptions | undefined
}

/**
 * Builds the whole HTTP API from its dependencies. It knows nothing of Lambda or Node servers:
 * `lambda.ts` wraps it with `hono/aws-lambda`, `local/start-local.ts` with `@hono/node-server`, and
 * tests call `app.request()` directly.
 *
 * Order matters: what is registered before `mountIdentity` is public (health, the API document,
 * the web page); everything after it requires a verified token.
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
  app.get('/', (c) => c.html(indexPage()))
  app.route('/', faviconRoutes())

  mountIdentity({ app, deps, rateLimit: deps.rateLimit })

  app.route('/', orgRoutes(deps))
  app.route('/', schemeRoutes(deps))
  app.route('/', evaluationRoutes(deps))
  app.route('/', scoreRoutes(deps))
  const publishedResults = new PublishedResultsCache({ evaluations: deps.evaluations, results: deps.results })
  app.route('/', resultRoutes({ ...deps, publishedResults }))
  app.route('/', auditRoutes(deps))
  return app
}
