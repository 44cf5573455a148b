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
  /** The caller's bucket key; by default the user id, else the client IP. */
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
 * The signed-in user when known; otherwise the client IP. On Lambda the source IP of the event is
 * the one API Gateway saw; behind other proxies the last X-Forwarded-For entry is the one our own
 * proxy added (the first entries are whatever the client chose to send).
 */
function callerKey(c: Context<AppEnv>): string {
  const userId = c.get('auth')?.userId
  if (userId) return `user:${userId}`
  const event = c.env?.event as { requestContext?: { http?: { sourceIp?: string } } } | undefined
  const sourceIp = event?.requestContext?.http?.sourceIp
  if (sourceIp) return `ip:${sourceIp}`
  const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
  return `ip:${forwarded || c.req.header('x-real-ip') || 'unknown'}`
}
