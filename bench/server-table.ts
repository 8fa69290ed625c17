/**
 * The server table of `npm run bench:server`: every store (memory, PGlite, PostgreSQL) at several
 * table sizes, with a floor measured in the same run, as one markdown table.
 *
 * Per store and size: verify of a hot key (16 keys presented in turn, as an app's busiest clients
 * present theirs; the service's verify cache holds them) one at a time and 16 at once, verify with
 * the cache off (1,000 keys in turn: every call reads the store) one at a time and 16 at once, page 1 of a 1,000-key subject and
 * of a 10,000-key one (at 100,000 keys and more), a name search and a last-four search in them, a
 * create, and verify of a hot key over HTTP, 16 callers: `requireApiKey` behind `toNodeHandler`
 * (Fetch Request and Response per call) and `requireApiKeyMiddleware` on node:http.
 * Floors: SHA-256 and a lookup in a Map of as many hashes as the table holds (node:crypto), a
 * bare node:http server doing the same, and beside it plain Fetch: that server's work as a Fetch
 * handler with Node's own Request and Response and nothing of the kit, what any Fetch endpoint on
 * Node pays (the `requireApiKey` cells give their share of both). Each figure is calls a second over
 * a fixed time, the median of three runs, each begun after a full garbage collection.
 *
 * Environment:
 * - `RAK_BENCH_SIZES`: table sizes, comma-separated (default `1000,100000,1000000`);
 * - `RAK_BENCH_STORES`: `memory,pglite,postgres` or a part of it (PostgreSQL only with a URL);
 * - `RAK_BENCH_PGLITE_MAX`: the largest size run on PGlite (default: every size);
 * - `RAK_BENCH_PG_URL` or `RAK_TEST_PG_URL`: the PostgreSQL to use (a schema per size, dropped after);
 * - `RAK_BENCH_SECONDS`: how long each run of a figure lasts (default 1); each figure is the median of
 *   three runs, so one garbage collection or busy spell of the machine does not decide a cell;
 * - `RAK_BENCH_EXPLAIN=1`: print the SQL stores' plans of the list and its count (EXPLAIN ANALYZE).
 */
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { randomBase62 } from '../src/core/base62'
import { createApiKeyService } from '../src/server/service/api-key-service'
import { createMemoryStore } from '../src/server/stores/memory-store'
import { createPostgresStore } from '../src/server/stores/postgres-store'
import type { SqlClient, SqlExecutor } from '../src/server/stores/sql/sql-client'
import { createSqlStore } from '../src/server/stores/sql/sql-store'
import type { ApiKeyStore } from '../src/server/stores/types'
import {
  BIG_KEYS,
  BIG_SUBJECT,
  SMALL_KEYS,
  SMALL_SUBJECT,
  fillMemory,
  fillSql,
  planDataset,
  type Dataset,
  type DatasetPlan,
} from './server-dataset'
import { HTTP_CONCURRENCY, httpPlainFetch, httpFloor, httpVerify, httpVerifyMiddleware } from './server-http'
import { timeFor, type RateFigure } from './server-timing'
import { floorSha256 } from './floor-hash'

/** The stores the table can hold. */
export type StoreName = 'memory' | 'PGlite' | 'PostgreSQL'

/**
 * What one row measures. `smallest size` rows are compared with the same store at the smallest size,
 * the others with the floor; `http floor and plain Fetch` rows with the bare server's floor and with plain Fetch.
 */
interface Operation {
  id: string
  label: string
  compare: 'floor' | 'http floor' | 'http floor and plain Fetch' | 'smallest size' | 'none'
}

/** The search the list rows time, and how many of `count` keys named `key 0` … match it. */
const SEARCH = '42'
const matches = (count: number): number =>
  Array.from({ length: count }, (_, i) => `key ${i}`).filter((name) => name.includes(SEARCH)).length

/** How many keys the hot-key rows present in turn. */
const HOT_KEYS = 16

const OPERATIONS: readonly Operation[] = [
  { id: 'verify', label: 'verify a hot key, one at a time', compare: 'floor' },
  { id: 'verify16', label: `verify a hot key, ${HTTP_CONCURRENCY} at once`, compare: 'floor' },
  { id: 'verifyUncached', label: 'verify, cache off (1,000 keys in turn)', compare: 'floor' },
  { id: 'verifyUncached16', label: `verify, cache off, ${HTTP_CONCURRENCY} at once`, compare: 'floor' },
  {
    id: 'http',
    label: `verify a hot key over HTTP (requireApiKey in toNodeHandler, ${HTTP_CONCURRENCY} callers; share of the floor; of plain Fetch)`,
    compare: 'http floor and plain Fetch',
  },
  {
    id: 'httpMiddleware',
    label: `verify a hot key over HTTP (requireApiKeyMiddleware, ${HTTP_CONCURRENCY} callers)`,
    compare: 'http floor',
  },
  { id: 'listSmall', label: 'list page 1 of a 1,000-key subject', compare: 'smallest size' },
  { id: 'searchSmall', label: `search by name in it ("42": ${matches(SMALL_KEYS)} match)`, compare: 'smallest size' },
  { id: 'lastFourSmall', label: 'search by last four in it', compare: 'smallest size' },
  { id: 'listBig', label: 'list page 1 of a 10,000-key subject', compare: 'smallest size' },
  { id: 'searchBig', label: `search by name in it ("42": ${matches(BIG_KEYS)} match)`, compare: 'smallest size' },
  { id: 'create', label: 'create', compare: 'none' },
]

/** How many times each figure is taken; the table shows the run with the median rate. */
const RUNS_PER_FIGURE = 3

/** A full collection, when Node runs with `--expose-gc` (as `npm run bench:server` does). */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined)

/**
 * Takes a figure {@link RUNS_PER_FIGURE} times and gives the run with the median rate. Each run
 * starts after a full collection: filling a million keys leaves the next figure a mark-compact of
 * the whole heap to pay (1.2-1.8 s at 850 MB), which landed in whichever run came next.
 */
async function medianRun(measure: () => Promise<RateFigure>): Promise<RateFigure> {
  const runs: RateFigure[] = []
  for (let run = 0; run < RUNS_PER_FIGURE; run++) {
    collectGarbage()
    runs.push(await measure())
  }
  runs.sort((a, b) => a.perSecond - b.perSecond)
  return runs[Math.floor(runs.length / 2)] as RateFigure
}

/** A measured figure of one operation on one store at one size. */
export interface TableFigure {
  store: StoreName | 'floor'
  size: number
  operation: string
  rate: RateFigure
}

interface Settings {
  sizes: number[]
  stores: StoreName[]
  pgliteMax: number
  pgUrl: string | null
  seconds: number
  explain: boolean
}

function settingsFrom(env: NodeJS.ProcessEnv): Settings {
  const sizes = (env.RAK_BENCH_SIZES ?? '1000,100000,1000000').split(',').map((text) => Number(text.trim()))
  if (sizes.some((size) => !Number.isInteger(size) || size < 1_000))
    throw new RangeError('RAK_BENCH_SIZES must list whole numbers of at least 1000.')
  const pgUrl = env.RAK_BENCH_PG_URL ?? env.RAK_TEST_PG_URL ?? null
  const wanted = (env.RAK_BENCH_STORES ?? 'memory,pglite,postgres').toLowerCase().split(',')
  const stores: StoreName[] = [
    ...(wanted.includes('memory') ? (['memory'] as const) : []),
    ...(wanted.includes('pglite') ? (['PGlite'] as const) : []),
    ...(wanted.includes('postgres') && pgUrl !== null ? (['PostgreSQL'] as const) : []),
  ]
  return {
    sizes: [...sizes].sort((a, b) => a - b),
    stores,
    pgliteMax: Number(env.RAK_BENCH_PGLITE_MAX ?? Infinity),
    pgUrl,
    seconds: Number(env.RAK_BENCH_SECONDS ?? 1),
    explain: env.RAK_BENCH_EXPLAIN === '1',
  }
}

/** A store opened empty at one size, with what its filling and plans need. */
interface OpenedStore {
  store: ApiKeyStore
  /** The database, for bulk filling and plans; null for memory. */
  db: SqlExecutor | null
  /** Tidies the table after a bulk fill as the database would (PostgreSQL's autovacuum). */
  settle(): Promise<void>
  close(): Promise<void>
}

/** A SqlClient over PGlite, as the embedded store makes (without its data directory lock). */
function pgliteClient(db: PGlite): SqlClient {
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await db.query<Row>(text, [...params])).rows
    },
    transaction(work) {
      return db.transaction((tx) =>
        work({
          async query<Row>(text: string, params: readonly unknown[] = []) {
            return (await tx.query<Row>(text, [...params])).rows
          },
        }),
      )
    },
    close: () => db.close(),
  }
}

async function openStore(name: StoreName, pgUrl: string | null): Promise<OpenedStore> {
  if (name === 'memory') {
    return { store: createMemoryStore(), db: null, settle: async () => undefined, close: async () => undefined }
  }
  if (name === 'PGlite') {
    const client = pgliteClient(await PGlite.create())
    const store = await createSqlStore(client)
    // PGlite runs no autovacuum; the embedded store vacuums its tables itself every 10,000 writes
    // (embedded-vacuum.ts), so after a bulk fill an app's table is vacuumed: do as it would.
    return {
      store,
      db: client,
      settle: async () => {
        await client.query('VACUUM (ANALYZE) api_keys')
      },
      close: () => store.close(),
    }
  }
  if (pgUrl === null) throw new Error('No PostgreSQL URL.')
  const schema = `rak_bench_${randomBase62(10).toLowerCase()}`
  const admin = new pg.Client({ connectionString: pgUrl })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  const pool = new pg.Pool({ connectionString: pgUrl, options: `-c search_path=${schema}`, max: HTTP_CONCURRENCY })
  const db: SqlExecutor = { query: async (text, params) => (await pool.query(text, params ? [...params] : [])).rows }
  const store = await createPostgresStore({ pool })
  return {
    store,
    db,
    settle: async () => {
      await pool.query('VACUUM ANALYZE api_keys')
    },
    close: async () => {
      await store.close() // first: it may hold a pooled connection (its change feed)
      await pool.end()
      await admin.query(`DROP SCHEMA ${schema} CASCADE`)
      await admin.end()
    },
  }
}

/** Prints the plans of a list and of its count, as the SQL store sends them. */
async function explain(db: SqlExecutor, label: string, subject: string, search: string): Promise<void> {
  const params = [subject, 'user', search]
  const where = `subject_kind = $2 AND subject = $1 AND (strpos(name_key, $3::text) > 0 OR lower(last_four) = $3::text)`
  const statements = {
    page: `SELECT * FROM api_keys WHERE id IN (SELECT id FROM api_keys WHERE ${where}
             ORDER BY seq DESC LIMIT 10 OFFSET 0) ORDER BY seq DESC`,
    count: `SELECT count(*)::int AS total FROM api_keys WHERE ${where}`,
  }
  for (const [part, text] of Object.entries(statements)) {
    const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, params)
    console.log(`\n${label}, ${part} (search "${search}"):\n${rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`)
  }
}

/** Times every operation on one store filled to `plan.total` keys. */
async function measureStore(
  name: StoreName,
  plan: DatasetPlan,
  settings: Settings,
  report: (operation: string, rate: RateFigure) => void,
): Promise<void> {
  const opened = await openStore(name, settings.pgUrl)
  try {
    const service = createApiKeyService({ store: opened.store })
    const uncached = createApiKeyService({ store: opened.store, verifyCache: false })
    const dataset: Dataset =
      opened.db === null ? await fillMemory(plan, service, opened.store) : await fillSql(plan, service, opened.db)
    await opened.settle()
    console.error(`${name}, ${plan.total.toLocaleString('en-US')} keys: filled in ${dataset.fillSeconds.toFixed(1)} s`)
    const lastFour = dataset.secrets[0]?.slice(-4) ?? ''
    if (settings.explain && opened.db !== null) {
      const label = `${name}, ${plan.total.toLocaleString('en-US')} keys`
      await explain(opened.db, `${label}, ${SMALL_SUBJECT}`, SMALL_SUBJECT, SEARCH)
      if (plan.big > 0) await explain(opened.db, `${label}, ${BIG_SUBJECT}`, BIG_SUBJECT, SEARCH)
    }
    const { secrets } = dataset
    const hot = secrets.slice(0, HOT_KEYS)
    const pickHot = (i: number): string => hot[i % hot.length] ?? ''
    const pick = (i: number): string => secrets[(i * 7919) % secrets.length] ?? ''
    const list = (subject: string, query: string, expected: number) => async () => {
      const page = await service.list({ subject, subjectKind: 'user', query })
      return page.totalCount === expected && page.data.length === Math.min(10, expected)
    }
    const runs: Record<string, () => Promise<RateFigure>> = {
      verify: () =>
        timeFor(settings.seconds, async (i) => (await service.verify(pickHot(i), { scopes: ['read'] })).valid),
      verify16: () =>
        timeFor(settings.seconds, async (i) => (await service.verify(pickHot(i), { scopes: ['read'] })).valid, {
          concurrency: HTTP_CONCURRENCY,
        }),
      verifyUncached: () =>
        timeFor(settings.seconds, async (i) => (await uncached.verify(pick(i), { scopes: ['read'] })).valid),
      verifyUncached16: () =>
        timeFor(settings.seconds, async (i) => (await uncached.verify(pick(i), { scopes: ['read'] })).valid, {
          concurrency: HTTP_CONCURRENCY,
        }),
      http: () => httpVerify(service, hot, settings.seconds),
      httpMiddleware: () => httpVerifyMiddleware(service, hot, settings.seconds),
      listSmall: () => timeFor(settings.seconds, list(SMALL_SUBJECT, '', plan.small)),
      searchSmall: () => timeFor(settings.seconds, list(SMALL_SUBJECT, SEARCH, matches(plan.small))),
      lastFourSmall: () =>
        timeFor(settings.seconds, async () => {
          const page = await service.list({ subject: SMALL_SUBJECT, subjectKind: 'user', query: lastFour })
          return page.data.some((key) => key.lastFour === lastFour)
        }),
      ...(plan.big > 0
        ? {
            listBig: () => timeFor(settings.seconds, list(BIG_SUBJECT, '', plan.big)),
            searchBig: () => timeFor(settings.seconds, list(BIG_SUBJECT, SEARCH, matches(plan.big))),
          }
        : {}),
      create: () => {
        const run = randomBase62(6)
        return timeFor(settings.seconds, async (i) => {
          const made = await service.create({ subject: `user_create_${i % 100}`, name: `${run} ${i}` })
          return made.secret !== ''
        })
      },
    }
    for (const operation of OPERATIONS) {
      const measure = runs[operation.id]
      if (measure !== undefined) report(operation.id, await medianRun(measure))
    }
  } finally {
    await opened.close()
  }
}

/** The floor at one size: SHA-256 and a Map lookup among `size` hashes; and the bare node:http server. */
async function measureFloor(
  size: number,
  secrets: readonly string[],
  seconds: number,
): Promise<{ verify: RateFigure; http: RateFigure; httpFetch: RateFigure }> {
  const hashes = new Map<string, string>()
  for (let g = 0; hashes.size < size - secrets.length; g++) hashes.set(floorSha256(`fill ${g}`), `user_fill_${g}`)
  for (const secret of secrets) hashes.set(floorSha256(secret), SMALL_SUBJECT)
  const verify = await medianRun(() =>
    timeFor(seconds, async (i) => {
      const secret = secrets[(i * 7919) % secrets.length] ?? ''
      return hashes.get(floorSha256(secret)) === SMALL_SUBJECT
    }),
  )
  return {
    verify,
    http: await medianRun(() => httpFloor(secrets, seconds)),
    httpFetch: await medianRun(() => httpPlainFetch(secrets, seconds)),
  }
}

/** Runs the whole table and gives every figure. */
export async function runServerTable(env: NodeJS.ProcessEnv = process.env): Promise<TableFigure[]> {
  const settings = settingsFrom(env)
  const figures: TableFigure[] = []
  const floorSecrets = Array.from({ length: 1_000 }, (_, i) => `sk_floor_${i}_${randomBase62(30)}`)
  for (const size of settings.sizes) {
    const plan = planDataset(size)
    const floor = await measureFloor(size, floorSecrets, settings.seconds)
    figures.push({ store: 'floor', size, operation: 'verify', rate: floor.verify })
    figures.push({ store: 'floor', size, operation: 'http', rate: floor.http })
    figures.push({ store: 'floor', size, operation: 'httpFetch', rate: floor.httpFetch })
    for (const store of settings.stores) {
      if (store === 'PGlite' && size > settings.pgliteMax) continue
      await measureStore(store, plan, settings, (operation, rate) => {
        figures.push({ store, size, operation, rate })
        console.error(`  ${store} ${size} ${operation}: ${Math.round(rate.perSecond)}/s`)
      })
    }
  }
  return figures
}

/** The rows that show their floor; the rows below each compare with the same floor. */
const FLOOR_SHOWN_ON = new Set(['verify', 'http'])

const perSecond = (rate: RateFigure): string => `${Math.round(rate.perSecond).toLocaleString('en-US')}/s`
const times = (ratio: number): string => `${ratio.toFixed(ratio < 10 ? 2 : 0)}x`

/**
 * The table as markdown: a row per operation and size, a column per store and the floor. Verify
 * and create cells give their share of the floor (`0.45x`); list and search cells at a size past
 * the smallest give their cost against the same store's cost at the smallest size (`cost 1.10x`).
 */
export function renderServerTable(figures: readonly TableFigure[]): string {
  const stores = (['memory', 'PGlite', 'PostgreSQL'] as const).filter((store) => figures.some((f) => f.store === store))
  const sizes = [...new Set(figures.map((figure) => figure.size))].sort((a, b) => a - b)
  const find = (store: TableFigure['store'], size: number, operation: string): RateFigure | undefined =>
    figures.find((f) => f.store === store && f.size === size && f.operation === operation)?.rate
  const lines = [
    `| operation | keys stored | ${stores.join(' | ')} | floor |`,
    `|---|---:|${stores.map(() => '---:').join('|')}|---:|`,
  ]
  for (const operation of OPERATIONS) {
    for (const size of sizes) {
      const floorOperation = operation.compare === 'floor' ? 'verify' : 'http'
      const floor =
        operation.compare === 'floor' ||
        operation.compare === 'http floor' ||
        operation.compare === 'http floor and plain Fetch'
          ? find('floor', size, floorOperation)
          : undefined
      const plainFetch =
        operation.compare === 'http floor and plain Fetch' ? find('floor', size, 'httpFetch') : undefined
      const cells = stores.map((store) => {
        const rate = find(store, size, operation.id)
        if (rate === undefined) return '–'
        if (floor !== undefined && plainFetch !== undefined)
          return `${perSecond(rate)} (${times(rate.perSecond / floor.perSecond)}; ${times(rate.perSecond / plainFetch.perSecond)})`
        if (floor !== undefined) return `${perSecond(rate)} (${times(rate.perSecond / floor.perSecond)})`
        const smallest = sizes.map((s) => find(store, s, operation.id)).find((r) => r !== undefined)
        if (operation.compare === 'none' || smallest === undefined || smallest === rate) return perSecond(rate)
        return `${perSecond(rate)} (cost ${times(smallest.perSecond / rate.perSecond)})`
      })
      if (cells.every((cell) => cell === '–')) continue
      const floorCell =
        floor === undefined || !FLOOR_SHOWN_ON.has(operation.id)
          ? ''
          : plainFetch === undefined
            ? perSecond(floor)
            : `${perSecond(floor)}; plain Fetch ${perSecond(plainFetch)} (${times(plainFetch.perSecond / floor.perSecond)})`
      lines.push(`| ${operation.label} | ${size.toLocaleString('en-US')} | ${cells.join(' | ')} | ${floorCell} |`)
    }
  }
  return lines.join('\n')
}
