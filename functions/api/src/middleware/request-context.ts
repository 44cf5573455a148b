import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env'
import type { Logger } from '../logging/logger'
import { lambdaRequestIdOf, type RequestLogFields, routePatternOf } from '../logging/request-log-fields'

const requestIdPattern = /^[A-Za-z0-9._:-]{8,128}$/

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is sane, otherwise a new UUID),
 * returns it in the response header, puts a logger on the context whose every line carries the
 * request's fields ({@link RequestLogFields}: the request id, on Lambda the invocation's id and the
 * cold-start flag, the method and route; `authenticate` adds the tenant), and logs one structured
 * line per request with it.
 *
 * The cold start is the first Lambda invocation this middleware sees: `lambda.ts` builds the app
 * once per process, at init, so that is the process's first invocation.
 */
export function requestContext(options: { logger: Logger }): MiddlewareHandler<AppEnv> {
  let isColdStart = true
  return async function requestContextMiddleware(c, next) {
    const incoming = c.req.header('x-request-id')
    const requestId = incoming && requestIdPattern.test(incoming) ? incoming : crypto.randomUUID()
    const lambdaRequestId = lambdaRequestIdOf(c.env)
    const fields: RequestLogFields = { requestId, method: c.req.method }
    if (lambdaRequestId !== undefined) {
      fields.function_request_id = lambdaRequestId
      fields.cold_start = isColdStart
      isColdStart = false
    }
    const route = routePatternOf(c)
    if (route !== undefined) fields.route = route
    c.set('requestId', requestId)
    c.set('logger', options.logger.child({ ...fields }))
    const started = performance.now()
    await next()
    c.header('X-Request-Id', requestId)
    // The context's logger, not the one made above: `authenticate` may have added the tenant.
    c.get('logger').info('request', {
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    })
  }
}
