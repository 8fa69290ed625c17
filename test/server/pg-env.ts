import pg from 'pg'
import { randomBase62 } from '../../src/core/base62'

/**
 * The PostgreSQL the tests use: `RAK_TEST_PG_URL` (see `.ci/start-postgres.sh`). Without it the
 * PostgreSQL tests are skipped locally, but in CI (`CI=true`) its absence is a failure.
 */
export const PG_URL = process.env.RAK_TEST_PG_URL ?? ''
export const PG_REQUIRED = process.env.CI === 'true'

/** What a test run says once when it skips the PostgreSQL tests: why, and the command that runs them. */
export const PG_SKIPPED_NOTICE = [
  'PostgreSQL tests skipped: RAK_TEST_PG_URL is not set.',
  'Run them with `npm run test:pg`: it starts a throwaway PostgreSQL on loopback (.ci/start-postgres.sh,',
  "needs Debian's postgresql package), runs test/server against it, and stops it.",
].join('\n')

/**
 * Pools whose connections work in fresh schemas of their own, so test files and runs never share
 * tables; `dropAll` removes exactly the schemas it made.
 */
export function isolatedSchemas(): { pool: () => Promise<pg.Pool>; dropAll: () => Promise<void> } {
  const made: { schema: string; pool: pg.Pool }[] = []
  return {
    async pool() {
      const schema = `rak_test_${randomBase62(12).toLowerCase()}`
      const admin = new pg.Client({ connectionString: PG_URL })
      await admin.connect()
      await admin.query(`CREATE SCHEMA ${schema}`)
      await admin.end()
      const pool = new pg.Pool({ connectionString: PG_URL, options: `-c search_path=${schema}`, max: 8 })
      made.push({ schema, pool })
      return pool
    },
    async dropAll() {
      if (made.length === 0) return
      const admin = new pg.Client({ connectionString: PG_URL })
      await admin.connect()
      for (const { schema, pool } of made.splice(0)) {
        await pool.end().catch(() => undefined)
        await admin.query(`DROP SCHEMA ${schema} CASCADE`)
      }
      await admin.end()
    },
  }
}
