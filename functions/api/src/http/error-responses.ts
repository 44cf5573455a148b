import type { z } from '@hono/zod-openapi'
import type { Role } from '@pingce/core'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env'
import { ErrorResponseSchema } from './error-response'
import { requireRole } from './require-role'

const descriptions: Record<number, string> = {
  400: '请求参数无效 Invalid input (field issues listed)',
  401: '未登录 Not signed in',
  403: '无权访问 Forbidden',
  404: '未找到 Not found',
  409: '冲突 Conflict (current value in details)',
  413: '请求内容过大 Payload too large',
  429: '请求过于频繁 Rate limited',
}

/** The error responses of a route for the OpenAPI document, all in the one error format. */
export function errorResponses(
  ...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 429)[]
): Record<
  number,
  { description: string; content: { 'application/json': { schema: typeof ErrorResponseSchema } } }
> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status] ?? String(status),
        content: { 'application/json': { schema: ErrorResponseSchema } },
      },
    ]),
  )
}

/** Every authenticated route declares the bearer token. */
export const bearerSecurity = [{ bearerAuth: [] }]

/** A JSON body or response of the OpenAPI document. */
export function json<T extends z.ZodType>(schema: T): { content: { 'application/json': { schema: T } } } {
  return { content: { 'application/json': { schema } } }
}

/**
 * What every authenticated route declares: the bearer token and the roles that may call it. The
 * use case it calls checks the same roles again (it may be called without a route in front).
 */
export function secured(roles: readonly Role[]): {
  security: { bearerAuth: string[] }[]
  middleware: MiddlewareHandler<AppEnv>[]
} {
  return { security: bearerSecurity, middleware: [requireRole(...roles)] }
}
