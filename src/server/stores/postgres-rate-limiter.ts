import { systemClock } from '../service/clock'
import type { RateLimitDecision, RateLimitOptions } from '../service/rate-limiter'
import type { PgPoolLike } from './postgres-store'
import { sqlNamesFor, type SqlLocation } from './sql/names'
import { driverCall } from './sql/sql-client'

/** Options of {@link createPostgresRateLimiter}. */
export interface PostgresRateLimiterOptions
  extends Pick<RateLimitOptions, 'limit' | 'windowSeconds' | 'now'>, SqlLocation {
  /** A `pg.Pool` on the PostgreSQL store's database (only its `query` is used; the limiter never ends it). */
  pool: Pick<PgPoolLike, 'query'>
  /** Names this budget in the shared table, so several limits can share it (default `create`). */
  budget?: string
}

interface TakeRow {
  allowed: boolean
  tokens: number
}

/**
 * A rate limiter for the handler's `createRateLimit`: a token bucket per caller in a table every
 * instance shares (`rak_rate_limits`, made by the store's migrations, so open the PostgreSQL store
 * first and give the same `schema`/`tablePrefix`).
 * Each `take` is one atomic UPSERT: concurrent takes for one caller queue on its row, so all
 * instances together allow `limit` actions per window, exactly as one process would.
 *
 * Time is the database's clock (`clock_timestamp()`), so instances with skewed clocks agree; give
 * `now` only to drive it from a test clock. A row idle for a whole window is a full bucket, the
 * same as no row: each process deletes such rows of its budget at most once per window. A database
 * that cannot be reached fails the take with the store's `StoreError('unavailable')` (503).
 */
export function createPostgresRateLimiter(options: PostgresRateLimiterOptions): {
  take(caller: string): Promise<RateLimitDecision>
} {
  const { pool } = options
  const limit = options.limit ?? 10
  const windowSeconds = options.windowSeconds ?? 60
  const budget = options.budget ?? 'create'
  if (!(limit >= 1) || !(windowSeconds > 0))
    throw new RangeError('A rate limit needs limit >= 1 and windowSeconds > 0.')
  const perSecond = limit / windowSeconds
  const table = sqlNamesFor(options).rateLimits
  // The refill since the row was last written, capped at the limit. In SET, `b.*` are the old values.
  const refilled = `LEAST($3::float8, b.tokens + $4::float8 * GREATEST(0, EXTRACT(EPOCH FROM (EXCLUDED.refreshed_at - b.refreshed_at)))::float8)`
  const take = `INSERT INTO ${table} AS b (budget, caller, tokens, refreshed_at, allowed)
    VALUES ($1, $2, $3::float8 - 1, COALESCE($5::timestamptz, clock_timestamp()), true)
    ON CONFLICT (budget, caller) DO UPDATE SET
      tokens = ${refilled} - CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END,
      allowed = ${refilled} >= 1,
      refreshed_at = GREATEST(b.refreshed_at, EXCLUDED.refreshed_at)
    RETURNING allowed, tokens`
  const forgetIdle = `DELETE FROM ${table}
    WHERE budget = $1 AND refreshed_at < COALESCE($2::timestamptz, clock_timestamp()) - make_interval(secs => $3::float8)`
  let nextForget = 0

  return {
    async take(caller) {
      const at = options.now === undefined ? null : new Date(options.now())
      const local = (options.now ?? systemClock)()
      if (local >= nextForget) {
        nextForget = local + windowSeconds * 1000
        await driverCall(() => pool.query(forgetIdle, [budget, at, windowSeconds]))
      }
      const { rows } = await driverCall(() => pool.query(take, [budget, caller, limit, perSecond, at]))
      const row = rows[0] as TakeRow | undefined
      if (row === undefined) throw new Error('The rate limit statement returned no row.')
      if (row.allowed) return { allowed: true } satisfies RateLimitDecision
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - Number(row.tokens)) / perSecond)) }
    },
  }
}
