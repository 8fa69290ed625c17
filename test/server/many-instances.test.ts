// @vitest-environment node
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
import { createApiKeyService } from '../../src/server/service/api-key-service'
import { createMemoryStore } from '../../src/server/stores/memory-store'
import { startChildServer, stopChild, type ChildServer } from './child-servers'
import { recordingStore, testClock } from './helpers'
import { isolatedSchemas, PG_REQUIRED, PG_URL } from './pg-env'

const FIXTURE = fileURLToPath(new URL('./fixtures/postgres-server.ts', import.meta.url))
const LIMIT = 10 // the fixture's create limit a minute
/** Starting two instances (tsx, migrations) on two shared, slow cores. */
const START_TIMEOUT_MS = 60_000
/** Two child processes and a database on two shared, slow cores: a test may take more than the default 5 s. */
const TEST_TIMEOUT_MS = 60_000

if (PG_URL === '' && PG_REQUIRED) {
  it('has a PostgreSQL to test against (CI=true needs RAK_TEST_PG_URL; run .ci/start-postgres.sh)', () => {
    throw new Error('RAK_TEST_PG_URL is not set, so two instances on one PostgreSQL would go untested.')
  })
}

/** Starts one app instance on the schema; it listens on loopback. */
const startInstance = (schema: string): Promise<ChildServer> => startChildServer(FIXTURE, [PG_URL, schema])

function create(instance: ChildServer, user: string, name: string): Promise<Response> {
  return fetch(`${instance.base}/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-user': user },
    body: JSON.stringify({ name }),
  })
}

describe('lastUsedAt with several services on one store', () => {
  it('sends no write while the stored lastUsedAt is within the interval, whichever instance wrote it', async () => {
    const clock = testClock()
    const { store, calls } = recordingStore(createMemoryStore())
    const instances = [1, 2, 3].map(() => createApiKeyService({ store, now: clock.now }))
    const [first] = instances as [ReturnType<typeof createApiKeyService>]
    const key = await first.create({ subject: 'u', name: 'shared' })
    const writes = () => calls.filter((call) => call.method === 'touchLastUsed').length
    for (let i = 0; i < 30; i++) {
      expect((await instances[i % 3]?.verify(key.secret))?.valid).toBe(true)
      clock.advance(1000)
    }
    expect(writes()).toBe(1)
    // Once the interval has passed, the next use on any instance writes once more.
    clock.advance(30 * 1000)
    await instances[1]?.verify(key.secret)
    await instances[2]?.verify(key.secret)
    expect(writes()).toBe(2)
    expect((await first.get({ apiKeyId: key.id })).lastUsedAt).toEqual(new Date(clock.now()))
  })
})

describe.skipIf(PG_URL === '')('two app instances on one PostgreSQL', { timeout: TEST_TIMEOUT_MS }, () => {
  const schemas = isolatedSchemas()
  let pool: pg.Pool
  let schema: string
  let instances: ChildServer[] = []

  beforeAll(async () => {
    pool = await schemas.pool()
    schema = (await pool.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]?.schema ?? ''
    instances = await Promise.all([startInstance(schema), startInstance(schema)])
  }, START_TIMEOUT_MS * 2)

  afterAll(async () => {
    await Promise.all(instances.map((instance) => stopChild(instance.process)))
    await schemas.dropAll()
  })

  it('lets one caller create exactly the limit, however the burst is split between them', async () => {
    const [a, b] = instances as [ChildServer, ChildServer]
    const burst = await Promise.all(
      Array.from({ length: 2 * LIMIT }, (_, i) => create(i % 2 === 0 ? a : b, 'user_burst', `burst ${i}`)),
    )
    const statuses = burst.map((response) => response.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(LIMIT)
    expect(statuses.filter((status) => status === 429)).toHaveLength(LIMIT)
    const refused = burst.find((response) => response.status === 429)
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)

    // A roll on either instance draws on the same, spent budget.
    const made = (await burst.find((response) => response.status === 201)?.json()) as { id: string }
    for (const instance of [a, b]) {
      const roll = await fetch(`${instance.base}/api-keys/${made.id}/roll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-user': 'user_burst' },
        body: JSON.stringify({ gracePeriodSeconds: 0 }),
      })
      expect(roll.status).toBe(429)
    }
    // Another caller has a budget of their own.
    expect((await create(b, 'user_other', 'mine')).status).toBe(201)
    const { rows } = await pool.query<{ count: string }>(`SELECT count(*) FROM api_keys WHERE subject = 'user_burst'`)
    expect(Number(rows[0]?.count)).toBe(LIMIT)
  })

  it('writes lastUsedAt once per interval for a key used on both instances', async () => {
    const [a, b] = instances as [ChildServer, ChildServer]
    const created = (await (await create(a, 'user_verify', 'hot key')).json()) as { id: string; secret: string }
    // Count UPDATE statements on the keys table, including those that change no row.
    await pool.query(`CREATE TABLE ${schema}.update_statements (n integer NOT NULL)`)
    await pool.query(`INSERT INTO ${schema}.update_statements VALUES (0)`)
    await pool.query(`CREATE FUNCTION ${schema}.count_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE ${schema}.update_statements SET n = n + 1; RETURN NULL; END $$`)
    await pool.query(
      `CREATE TRIGGER count_updates AFTER UPDATE ON ${schema}.api_keys FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.count_update()`,
    )

    for (let i = 0; i < 20; i++) {
      const instance = i % 2 === 0 ? a : b
      const answer = await fetch(`${instance.base}/protected`, {
        headers: { authorization: `Bearer ${created.secret}` },
      })
      expect(answer.status).toBe(200)
    }
    const counted = await pool.query<{ n: number }>(`SELECT n FROM ${schema}.update_statements`)
    expect(counted.rows[0]?.n).toBe(1)
    const key = await pool.query<{ last_used_at: Date | null }>(`SELECT last_used_at FROM api_keys WHERE id = $1`, [
      created.id,
    ])
    expect(key.rows[0]?.last_used_at).toBeInstanceOf(Date)
  })
})
