import type { Context } from 'hono'
import { matchedRoutes } from 'hono/route'

/**
 * The fields every line logged during a request carries (the request line, and whatever is logged
 * through `c.get('logger')`, such as the error lines of the error handler):
 *
 * | field | when | what |
 * |---|---|---|
 * | `requestId` | always | our request id: the caller's sane `X-Request-Id` or a new UUID; also the response's `X-Request-Id` header and the error body's `requestId` |
 * | `function_request_id` | on Lambda | the Lambda invocation's `awsRequestId` (Powertools Logger's name) |
 * | `cold_start` | on Lambda | `true` on the first invocation the process serves, `false` after (Powertools Logger's name) |
 * | `method` | always | the HTTP method |
 * | `route` | when a route matched | the route pattern as registered, `/evaluations/:evaluationId/scores` (absent on a 404) |
 * | `tenantId` | after a tenant caller's token was verified | the tenant of the verified token (absent on public routes and for the platform operator) |
 *
 * `function_request_id` and `cold_start` are the keys AWS Powertools for Lambda's Logger writes from
 * the Lambda context, so Logs Insights queries written for Powertools work unchanged. Powertools has
 * no standard key for the route, the HTTP method or a tenant, so those keep our camelCase. The base
 * fields `time`, `level`, `message` and `service` are the logger's (Powertools writes `timestamp` and
 * an upper-case `level`); the request line adds `path`, `status` and `durationMs`.
 */
export interface RequestLogFields {
  requestId: string
  function_request_id?: string
  cold_start?: boolean
  method: string
  route?: string
  tenantId?: string
}

/** The part of the Lambda context we log; `hono/aws-lambda` passes the context as `c.env.lambdaContext`. */
export function lambdaRequestIdOf(env: unknown): string | undefined {
  const lambdaContext = (env as { lambdaContext?: { awsRequestId?: unknown } } | undefined)?.lambdaContext
  return typeof lambdaContext?.awsRequestId === 'string' ? lambdaContext.awsRequestId : undefined
}

/**
 * The pattern of the route that answers the request. The router has matched before the first
 * middleware runs, so this is known from the start of the request; the answering route is the last
 * match registered for a method (middleware is registered for `ALL`).
 */
export function routePatternOf(c: Context): string | undefined {
  return matchedRoutes(c).findLast((route) => route.method !== 'ALL')?.path
}
