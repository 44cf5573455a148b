import { AppError, PayloadTooLargeError } from '@pingce/core'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../app-env'
import type { ErrorResponse } from './error-response'

const statusMessages: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求无效' },
  401: { code: 'UNAUTHORIZED', message: '未登录或登录已过期' },
  403: { code: 'FORBIDDEN', message: '无权访问' },
  404: { code: 'NOT_FOUND', message: '未找到' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方法' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' },
  429: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' },
}

/** Issues a response lists; the rest are counted in `details.moreIssues`. */
export const maxIssuesInResponse = 200

/** An error body with at most `maxIssuesInResponse` issues, saying how many more there were. */
function withCappedIssues(body: ErrorResponse['error']): ErrorResponse['error'] {
  const issues = body.issues ?? []
  if (issues.length <= maxIssuesInResponse) return body
  return {
    ...body,
    issues: issues.slice(0, maxIssuesInResponse),
    details: { ...body.details, moreIssues: issues.length - maxIssuesInResponse },
  }
}

/**
 * The one place that turns a thrown error into a response. Known errors keep their status, code
 * and message; anything else becomes a 500 whose details go to the log, never to the client.
 */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  const requestId = c.get('requestId') ?? 'unknown'
  let body: ErrorResponse['error']
  if (error instanceof AppError && error.status >= 500) {
    // A dependency failure or stored data that does not parse: the details are for the log only.
    c.get('logger')?.error('server error', {
      code: error.code,
      error: error.message,
      details: error.details,
      cause: String(error.cause ?? ''),
    })
    body = { status: error.status, code: error.code, message: error.message, requestId }
  } else if (error instanceof AppError) {
    body = withCappedIssues({ ...error.toJSON(), requestId })
  } else if (error instanceof HTTPException) {
    const known = statusMessages[error.status] ?? { code: 'HTTP_ERROR', message: '请求失败' }
    body = { status: error.status, ...known, requestId }
  } else {
    c.get('logger')?.error('unhandled error', {
      error: error.name,
      message: error.message,
      stack: error.stack,
    })
    body = { status: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误', requestId }
  }
  return c.json({ error: body }, body.status as ContentfulStatusCode)
}

export function payloadTooLarge(maxBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError({
    message: `请求内容超过 ${Math.floor(maxBytes / 1024)} KiB 上限`,
    details: { maxBytes },
  })
}
