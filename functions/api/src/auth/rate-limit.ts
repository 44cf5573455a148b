import { getConnInfo } from '@hono/node-server/conninfo'
import { RateLimitedError } from '@pingce/core'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env'

export interface RateLimitOptions {
  /** Burst size: requests a caller may make at once. */
  capacity: number
  /** Sustained rate: tokens added per second. */
  refillPerSecond: number
  /** Callers remembered at most; the least recently seen are forgotten first. */
  maxCallers?: number
  /** The caller's bucket key; by default tenant and user when signed in, else the client's address. */
  keyOf?: (c: Context<AppEnv>) => string
  now?: () => number
}

interface Bucket {
  tokens: number
  updatedAt: number
}

/**
 * A token bucket per caller, in memory. On Lambda each instance counts on its own, so this is a
 * per-instance guard against one noisy caller (and password guessing on /auth/token); in AWS the
 * API Gateway stage throttling is the outer, account-wide limit.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, Bucket>()
  const now = options.now ?? Date.now
  const keyOf = options.keyOf ?? callerKey
  const maxCallers = options.maxCallers ?? 10_000
  return async function rateLimitMiddleware(c, next) {
    const key = keyOf(c)
    const at = now()
    const previous = buckets.get(key)
    const elapsedSeconds = previous ? Math.max(0, at - previous.updatedAt) / 1000 : 0
    const tokens = previous
      ? Math.min(options.capacity, previous.tokens + elapsedSeconds * options.refillPerSecond)
      : options.capacity
    // Re-inserted on every request so the Map's order is least recently seen first.
    buckets.delete(key)
    if (tokens < 1) {
      buckets.set(key, { tokens, updatedAt: at })
      const retryAfter = Math.max(1, Math.ceil((1 - tokens) / options.refillPerSecond))
      c.header('Retry-After', String(retryAfter))
      throw new RateLimitedError({
        message: '请求过于频繁，请稍后再试',
        details: { retryAfterSeconds: retryAfter },
      })
    }
    buckets.set(key, { tokens: tokens - 1, updatedAt: at })
    if (buckets.size > maxCallers) {
      const oldest = buckets.keys().next().value
      if (oldest !== undefined) buckets.delete(oldest)
    }
    await next()
  }
}

/**
 * A signed-in caller by tenant and user (user ids are unique only inside a tenant); anyone else by
 * the address the platform saw, never one the client states.
 */
function callerKey(c: Context<AppEnv>): string {
  const auth = c.get('auth')
  if (auth) return `user:${auth.tenantId ?? '-'}:${auth.userId}`
  return `ip:${clientAddress(c)}`
}

/**
 * On Lambda, the source IP API Gateway puts in the event; behind @hono/node-server, the socket's
 * remote address. X-Forwarded-For is read only behind API Gateway, and only its last entry (the one
 * API Gateway appended): elsewhere any client could mint a fresh bucket per request by sending one.
 */
function clientAddress(c: Context<AppEnv>): string {
  const env = c.env as (AppEnv['Bindings'] & { incoming?: unknown }) | undefined
  if (env?.event) {
    const event = env.event as { requestContext?: { http?: { sourceIp?: string } } }
    const sourceIp = event.requestContext?.http?.sourceIp
    return sourceIp || c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown'
  }
  if (env?.incoming) return getConnInfo(c).remote.address ?? 'unknown'
  // In-process requests (`app.request()` in tests) have no connection.
  return 'unknown'
}
