// @vitest-environment node
import pg from 'pg'
import { createRateLimiter, type RateLimitDecision, type RateLimiter } from '../../src/server/service/rate-limiter'
import { createPostgresRateLimiter } from '../../src/server/stores/postgres-rate-limiter'
import { createPostgresStore } from '../../src/server/stores/postgres-store'
import { createMemoryStore } from '../../src/server/stores/memory-store'
import { testClock } from './helpers'
import { httpSetup } from './http-helpers'
import { isolatedSchemas, PG_REQUIRED, PG_URL } from './pg-env'

if (PG_URL === '' && PG_REQUIRED) {
  it('has a PostgreSQL to test against (CI=true needs RAK_TEST_PG_URL; run .ci/start-postgres.sh)', () => {
    throw new Error('RAK_TEST_PG_URL is not set, so the shared rate limiter would go untested.')
  })
}

const SECOND = 1000
/** Many round trips to a database on shared, slow cores: a test may take more than the default 5 s. */
const TEST_TIMEOUT_MS = 30_000

describe.skipIf(PG_URL === '')('createPostgresRateLimiter', { timeout: TEST_TIMEOUT_MS }, () => {
  const schemas = isolatedSchemas()
  afterAll(() => schemas.dropAll())

  /** A migrated schema, as the PostgreSQL store leaves it. */
  async function migratedPool(): Promise<pg.Pool> {
    const pool = await schemas.pool()
    await (await createPostgresStore({ pool })).close()
    return pool
  }

  it('allows exactly the limit to a concurrent burst taken through several pools', async () => {
    const first = await migratedPool()
    const schema = (await first.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]?.schema ?? ''
    const others = [1, 2].map(
      () => new pg.Pool({ connectionString: PG_URL, options: `-c search_path=${schema}`, max: 8 }),
    )
    try {
      const limiters = [first, ...others].map((pool) =>
        createPostgresRateLimiter({ pool, limit: 10, windowSeconds: 60 }),
      )
      const decisions = await Promise.all(Array.from({ length: 60 }, (_, i) => limiters[i % 3]?.take('user_burst')))
      expect(decisions.filter((decision) => decision?.allowed)).toHaveLength(10)
      for (const decision of decisions) {
        if (decision?.allowed === false) expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1)
      }
      expect((await limiters[0]?.take('user_other'))?.allowed).toBe(true)
    } finally {
      await Promise.all(others.map((pool) => pool.end()))
    }
  })

  it('refills and answers Retry-After exactly as the in-process bucket does', async () => {
    const pool = await migratedPool()
    const clock = testClock()
    const shared = createPostgresRateLimiter({ pool, limit: 3, windowSeconds: 60, now: clock.now })
    const local = createRateLimiter({ limit: 3, windowSeconds: 60, now: clock.now })
    const script: number[] = [0, 0, 0, 0, 5, 15, 0, 1, 60, 0, 0, 0, 0, 7, 30]
    const both: [RateLimitDecision, RateLimitDecision][] = []
    for (const advanceSeconds of script) {
      clock.advance(advanceSeconds * SECOND)
      both.push([await shared.take('user_a'), local.take('user_a')])
    }
    for (const [fromDatabase, inProcess] of both) expect(fromDatabase).toEqual(inProcess)
    expect(both.map(([decision]) => decision.allowed)).toEqual([
      true,
      true,
      true,
      false,
      false,
      true,
      false,
      false,
      true,
      true,
      true,
      false,
      false,
      false,
      true,
    ])
    expect(both[3]?.[0]).toEqual({ allowed: false, retryAfterSeconds: 20 })
  })

  it('keeps budgets and callers apart, and forgets rows idle for a whole window', async () => {
    const pool = await migratedPool()
    const clock = testClock()
    const creates = createPostgresRateLimiter({ pool, limit: 1, windowSeconds: 60, now: clock.now })
    const exports = createPostgresRateLimiter({ pool, limit: 1, windowSeconds: 60, now: clock.now, budget: 'export' })
    expect((await creates.take('user_a')).allowed).toBe(true)
    expect((await creates.take('user_a')).allowed).toBe(false)
    expect((await exports.take('user_a')).allowed).toBe(true)
    expect((await creates.take('user_b')).allowed).toBe(true)
    const rows = async () =>
      Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM rak_rate_limits')).rows[0]?.n)
    expect(await rows()).toBe(3)
    clock.advance(61 * SECOND)
    expect((await creates.take('user_c')).allowed).toBe(true)
    // The create budget's idle rows are gone (user_c's is new); the export budget is not this limiter's.
    expect(
      (
        await pool.query<{ budget: string; caller: string }>(
          'SELECT budget, caller FROM rak_rate_limits ORDER BY budget, caller',
        )
      ).rows,
    ).toEqual([
      { budget: 'create', caller: 'user_c' },
      { budget: 'export', caller: 'user_a' },
    ])
    expect((await creates.take('user_a')).allowed).toBe(true)
  })

  it('counts in the table of a store opened with a schema and a table prefix', async () => {
    const pool = await schemas.pool()
    const schema = `${(await pool.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]?.schema ?? ''}_app`
    await (await createPostgresStore({ pool, schema, tablePrefix: 'acme_' })).close()
    const limiter = createPostgresRateLimiter({ pool, limit: 2, schema, tablePrefix: 'acme_' })
    expect([
      (await limiter.take('u')).allowed,
      (await limiter.take('u')).allowed,
      (await limiter.take('u')).allowed,
    ]).toEqual([true, true, false])
    const { rows } = await pool.query<{ tokens: number }>(
      `SELECT tokens FROM ${schema}.acme_rak_rate_limits WHERE caller = 'u'`,
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]?.tokens).toBeLessThan(1)
    await pool.query(`DROP SCHEMA ${schema} CASCADE`)
  })

  it('fails a take loudly when its table is missing, and the handler answers 500 and tells onError', async () => {
    const pool = await schemas.pool() // not migrated
    const limiter: RateLimiter = createPostgresRateLimiter({ pool })
    const { call, errors } = httpSetup(createMemoryStore(), { createRateLimit: limiter })
    const answer = await call('POST', '/api-keys', { as: 'bob', json: { name: 'k' } })
    expect(answer.status).toBe(500)
    expect(errors).toHaveLength(1)
    expect((await call('GET', '/api-keys', { as: 'bob' })).body.totalCount).toBe(0)
  })

  it('refuses a limit below 1 or a window of 0', () => {
    const pool = { query: () => Promise.resolve({ rows: [] }) }
    expect(() => createPostgresRateLimiter({ pool, limit: 0 })).toThrow(RangeError)
    expect(() => createPostgresRateLimiter({ pool, windowSeconds: 0 })).toThrow(RangeError)
  })
})
