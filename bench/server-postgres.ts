/**
 * The PostgreSQL part of `npm run bench:server`, in a schema of its own that is dropped afterwards:
 * - what the shared rate limiter costs: `limiter.take` alone and whole creates through the handler
 *   with no limiter, the in-process limiter and `createPostgresRateLimiter`, in the same run;
 * - verify with many keys in the table: `service.verify` one call at a time, then 16 at once
 *   (the pool's size), over a table bulk-filled with `generate_series` to `RAK_BENCH_PG_KEYS` keys.
 *
 * Runs when `RAK_BENCH_PG_URL` (or `RAK_TEST_PG_URL`) names a database. `RAK_BENCH_PG_KEYS` sets
 * the number of keys (default 10,000); `RAK_BENCH_PG_KEYS=1000000` gives the one-million-key
 * figure (filling takes about a minute on two cores).
 */
import pg from 'pg'
import { randomBase62 } from '../src/core/base62'
import { generateApiKey } from '../src/core/key-format'
import { createApiKeysHandler } from '../src/server/http/handler'
import { createApiKeyService, type ApiKeyService } from '../src/server/service/api-key-service'
import { createRateLimiter, type RateLimiter } from '../src/server/service/rate-limiter'
import { createPostgresRateLimiter } from '../src/server/stores/postgres-rate-limiter'
import { createPostgresStore } from '../src/server/stores/postgres-store'
import { timeConcurrent, timeInTurns, timeSequential, type BenchFigure } from './server-timing'

const DEFAULT_KEYS = 10_000
/** Keys made through the service, whose secrets the verify runs present. */
const KNOWN_KEYS = 1_000
const FILL_BATCH = 100_000
const TAKES = 5_000
const CREATES = 1_000
const CALLERS = 100
const VERIFY_SEQUENTIAL = 20_000
const VERIFY_CONCURRENT = 50_000
const CONCURRENCY = 16
/** Far above what the runs take, so no create is refused and each figure measures the same work. */
const UNREACHED_LIMIT = 1_000_000_000

/** Where and how big the PostgreSQL bench runs, from the environment; null when no database is named. */
export function postgresBenchSettings(env: NodeJS.ProcessEnv = process.env): { url: string; keys: number } | null {
  const url = env.RAK_BENCH_PG_URL ?? env.RAK_TEST_PG_URL ?? ''
  if (url === '') return null
  const keys = Number(env.RAK_BENCH_PG_KEYS ?? DEFAULT_KEYS)
  if (!Number.isInteger(keys) || keys < KNOWN_KEYS)
    throw new RangeError(`RAK_BENCH_PG_KEYS must be a whole number of at least ${KNOWN_KEYS}.`)
  return { url, keys }
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** One create through the handler, spread over a hundred callers; true when it answered 201. */
function creator(service: ApiKeyService, limiter: RateLimiter | false): (i: number) => Promise<boolean> {
  const handler = createApiKeysHandler({
    service,
    createRateLimit: limiter,
    authenticate: (request) => ({ userId: request.headers.get('x-user') ?? '' }),
  })
  const run = randomBase62(6)
  let made = 0 // warm-up and measured creates all need names of their own
  return async (i) => {
    const response = await handler(
      new Request('http://bench.local/api-keys', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-user': `user_${i % CALLERS}` },
        body: JSON.stringify({ name: `${run} ${made++}` }),
      }),
    )
    await response.arrayBuffer()
    return response.status === 201
  }
}

async function limiterCost(service: ApiKeyService, pool: pg.Pool): Promise<BenchFigure[]> {
  const local = createRateLimiter({ limit: UNREACHED_LIMIT, maxTrackedCallers: CALLERS })
  const shared = createPostgresRateLimiter({ pool, limit: UNREACHED_LIMIT })
  const takes = await timeInTurns(
    [
      { label: 'rate limit take, in-process', run: async (i) => local.take(`user_${i % CALLERS}`).allowed },
      { label: 'rate limit take, PostgreSQL', run: async (i) => (await shared.take(`user_${i % CALLERS}`)).allowed },
    ],
    TAKES,
    500,
  )
  const creates = await timeInTurns(
    [
      { label: 'create via handler on PostgreSQL, no limiter', run: creator(service, false) },
      { label: 'create via handler on PostgreSQL, in-process limiter', run: creator(service, local) },
      { label: 'create via handler on PostgreSQL, PostgreSQL limiter', run: creator(service, shared) },
    ],
    CREATES,
    100,
  )
  const p50 = (label: string): number =>
    creates.find((figure) => figure.name === `create via handler on PostgreSQL, ${label} p50`)?.value ?? NaN
  return [
    ...takes,
    ...creates,
    {
      name: 'PostgreSQL limiter cost per create (p50, vs in-process)',
      value: p50('PostgreSQL limiter') - p50('in-process limiter'),
      unit: 'µs',
    },
  ]
}

/** Fills the keys table to `total` rows: the service's known keys plus rows made by the database in batches. */
async function fillKeys(
  pool: pg.Pool,
  service: ApiKeyService,
  total: number,
): Promise<{ secrets: string[]; fillSeconds: number }> {
  const secrets: string[] = []
  for (let i = 0; i < KNOWN_KEYS; i++)
    secrets.push(
      (await service.create({ subject: `user_known_${i % 100}`, name: `known ${i}`, scopes: ['read'] })).secret,
    )
  const { rows } = await pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'api_keys'`,
  )
  const hasKind = rows.some((row) => row.column_name === 'subject_kind')
  const start = performance.now()
  const existing = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM api_keys')).rows[0]?.n ?? 0)
  for (let from = existing; from < total; from += FILL_BATCH) {
    const to = Math.min(total, from + FILL_BATCH) - 1
    // Random-looking SHA-256 hashes of nothing anyone holds, spread over 10,000 users.
    await pool.query(
      `INSERT INTO api_keys (id, subject, name, name_key, secret_hash, prefix, last_four, created_at, updated_at${hasKind ? ', subject_kind' : ''})
       SELECT 'ak_fill' || g, 'user_' || (g % 10000), 'fill ' || g, 'fill ' || g,
              encode(sha256(convert_to('fill ' || g, 'UTF8')), 'hex'), 'sk_', 'AAAA', now(), now()${hasKind ? `, 'user'` : ''}
       FROM generate_series($1::bigint, $2::bigint) AS g`,
      [from, to],
    )
  }
  await pool.query('ANALYZE api_keys')
  return { secrets, fillSeconds: (performance.now() - start) / 1000 }
}

async function verifyWithMany(service: ApiKeyService, pool: pg.Pool, total: number): Promise<BenchFigure[]> {
  const { secrets, fillSeconds } = await fillKeys(pool, service, total)
  const count = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM api_keys')).rows[0]?.n ?? 0)
  const label = `verify on PostgreSQL, ${count.toLocaleString('en-US')} keys`
  const pick = (i: number): string => secrets[(i * 7919) % secrets.length] ?? ''
  const unknown = Array.from({ length: VERIFY_SEQUENTIAL / 4 }, () => generateApiKey(service.prefix))
  return [
    { name: `bulk fill to ${count.toLocaleString('en-US')} keys`, value: fillSeconds, unit: 's' },
    ...(await timeSequential(
      `${label}, one at a time`,
      VERIFY_SEQUENTIAL,
      async (i) => (await service.verify(pick(i), { scopes: ['read'] })).valid,
    )),
    ...(await timeConcurrent(
      `${label}, ${CONCURRENCY} at once`,
      VERIFY_CONCURRENT,
      CONCURRENCY,
      async (i) => (await service.verify(pick(i))).valid,
    )),
    ...(await timeSequential(`${label}, well-formed unknown key`, unknown.length, async (i) => {
      const result = await service.verify(unknown[i] ?? '')
      return !result.valid && result.code === 'not_found'
    })),
  ]
}

/** Runs the PostgreSQL figures in a fresh schema of the database at `url`, then drops the schema. */
export async function runPostgresBench(settings: { url: string; keys: number }): Promise<BenchFigure[]> {
  const schema = `rak_bench_${randomBase62(10).toLowerCase()}`
  await withAdmin(settings.url, (admin) => admin.query(`CREATE SCHEMA ${schema}`))
  const pool = new pg.Pool({ connectionString: settings.url, options: `-c search_path=${schema}`, max: CONCURRENCY })
  try {
    const store = await createPostgresStore({ pool })
    const service = createApiKeyService({ store })
    return [...(await limiterCost(service, pool)), ...(await verifyWithMany(service, pool, settings.keys))]
  } finally {
    await pool.end()
    await withAdmin(settings.url, (admin) => admin.query(`DROP SCHEMA ${schema} CASCADE`))
  }
}
