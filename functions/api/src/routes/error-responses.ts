import { ErrorResponseSchema } from '../errors/error-response'

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
