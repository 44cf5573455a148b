import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env'
import type { Logger } from '../logging/logger'

const requestIdPattern = /^[A-Za-z0-9._:-]{8,128}$/

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is sane, otherwise a new UUID),
 * returns it in the response header, and logs one structured line per request with it.
 */
export function requestContext(options: { logger: Logger }): MiddlewareHandler<AppEnv> {
  return async function requestContextMiddleware(c, next) {
    const incoming = c.req.header('x-request-id')
    const requestId = incoming && requestIdPattern.test(incoming) ? incoming : crypto.randomUUID()
    const logger = options.logger.child({ requestId })
    c.set('requestId', requestId)
    c.set('logger', logger)
    const started = performance.now()
    await next()
    c.header('X-Request-Id', requestId)
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    })
  }
}
