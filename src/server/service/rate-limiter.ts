import { systemClock, type Clock } from './clock'

/** How many actions a caller may take, refilled evenly over a window. */
export interface RateLimitOptions {
  /** Actions allowed in a burst and per window (default 10). */
  limit?: number
  /** The window in seconds over which `limit` tokens refill (default 60). */
  windowSeconds?: number
  /** Callers tracked at once; the least recently seen are forgotten beyond this (default 10,000). */
  maxTrackedCallers?: number
  now?: Clock
}

/** The answer of {@link RateLimiter.take}. */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/**
 * Decides whether a caller may act now. The handler asks it once per create or roll, after the
 * request is known to be valid. {@link createRateLimiter} answers from process memory;
 * `createPostgresRateLimiter` answers from a table every instance shares.
 */
export interface RateLimiter {
  /** Takes one token for `caller`, or says how long to wait for the next one. */
  take(caller: string): RateLimitDecision | Promise<RateLimitDecision>
}

interface Bucket {
  tokens: number
  at: number
}

/**
 * A token bucket per caller, in process memory: right for one server (the memory and embedded
 * stores). Several servers each count on their own; with PostgreSQL use `createPostgresRateLimiter`.
 */
export function createRateLimiter(options: RateLimitOptions = {}): { take(caller: string): RateLimitDecision } {
  const limit = options.limit ?? 10
  const windowMs = (options.windowSeconds ?? 60) * 1000
  const maxTracked = options.maxTrackedCallers ?? 10_000
  const now = options.now ?? systemClock
  if (!(limit >= 1) || !(windowMs > 0)) throw new RangeError('A rate limit needs limit >= 1 and windowSeconds > 0.')
  const perMs = limit / windowMs
  const buckets = new Map<string, Bucket>()

  return {
    take(caller) {
      const at = now()
      const previous = buckets.get(caller)
      const tokens =
        previous === undefined ? limit : Math.min(limit, previous.tokens + Math.max(0, at - previous.at) * perMs)
      // Re-inserting keeps the Map in least-recently-seen order, so the oldest entry is first.
      buckets.delete(caller)
      if (buckets.size >= maxTracked) {
        const oldest = buckets.keys().next()
        if (!oldest.done) buckets.delete(oldest.value)
      }
      if (tokens >= 1) {
        buckets.set(caller, { tokens: tokens - 1, at })
        return { allowed: true }
      }
      buckets.set(caller, { tokens, at })
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) }
    },
  }
}
