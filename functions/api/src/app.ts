import { OpenAPIHono } from '@hono/zod-openapi'
import {
  type BlobStore,
  type EvaluationStore,
  type HealthProbe,
  NotFoundError,
  type OrgStore,
  type SchemeStore,
} from '@pingce/core'
import { indexPage } from '@pingce/web'
import { Scalar } from '@scalar/hono-api-reference'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from './app-env'
import type { AuthDeps } from './auth/auth-deps'
import { mountIdentity } from './auth/mount-identity'
import type { RateLimitOptions } from './auth/rate-limit'
import { ErrorResponseSchema } from './errors/error-response'
import { handleError, payloadTooLarge } from './errors/handle-error'
import type { Logger } from './logging/logger'
import { requestContext } from './middleware/request-context'
import { auditRoutes } from './routes/audit-routes'
import { evaluationRoutes } from './routes/evaluation-routes'
import { healthRoutes } from './routes/health'
import { orgRoutes } from './routes/org-routes'
import { resultRoutes } from './routes/result-routes'
import { schemeRoutes } from './routes/scheme-routes'
import { scoreRoutes } from './routes/score-routes'
import { PublishedResultsCache } from './scoring/published-results-cache'
import { validationHook } from './validation-hook'
import { appVersion } from './version'

export interface AppDeps {
  logger: Logger
  probes: HealthProbe[]
  maxBodyBytes: number
  auth: AuthDeps
  rateLimit?: RateLimitOptions | undefined
  blobs: BlobStore
  org: OrgStore
  schemes: SchemeStore
  evaluations: EvaluationStore
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

  mountIdentity({ app, deps: deps.auth, rateLimit: deps.rateLimit })

  const { clock, newId } = deps.auth
  const stores = { org: deps.org, schemes: deps.schemes, evaluations: deps.evaluations, clock, newId }
  app.route('/', orgRoutes(stores))
  app.route('/', schemeRoutes(stores))
  app.route('/', evaluationRoutes(stores))
  app.route('/', scoreRoutes(stores))
  const publishedResults = new PublishedResultsCache({ store: deps.evaluations })
  app.route('/', resultRoutes({ ...stores, publishedResults }))
  app.route('/', auditRoutes(stores))
  return app
}
