// @vitest-environment node
import { EventEmitter } from 'node:events'
import { inspect } from 'node:util'
import { StoreError } from '../../src/server/stores/errors'
import { createPostgresStore } from '../../src/server/stores/postgres-store'
import { rejectionOf } from './helpers'
import { httpSetup } from './http-helpers'
import { postgresBin, startOwnCluster, type OwnCluster } from './pg-cluster'
import { PG_REQUIRED } from './pg-env'

const BIN = postgresBin()

if (BIN === null && PG_REQUIRED) {
  it("has a PostgreSQL install to restart (CI=true needs Debian's postgresql package)", () => {
    throw new Error('No initdb under /usr/lib/postgresql/*/bin, so the database restart would go untested.')
  })
}

/** A SHA-256 in hex: what a store error must never carry (the secret's hash is a statement parameter). */
const HASH = /[0-9a-f]{64}/

type Answer = Awaited<ReturnType<ReturnType<typeof httpSetup>['call']>>

/** What a caller gets while the database is down: a 503 problem that says when to try again. */
function expectUnavailable(answer: Answer): void {
  expect(answer.status).toBe(503)
  expect(answer.headers.get('content-type')).toBe('application/problem+json')
  expect(answer.headers.get('retry-after')).toMatch(/^[1-9]\d*$/)
  expect(answer.body).toMatchObject({ status: 503, title: 'Service Unavailable', code: 'unavailable' })
}

/** What the handler's `onError` heard: only `unavailable` store errors, with nothing secret in them. */
function expectHeardUnavailable(heard: unknown[], count: number): void {
  expect(heard).toHaveLength(count)
  for (const error of heard) {
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).code).toBe('unavailable')
    expect((error as Error).cause).toBeUndefined()
  }
  expect(inspect(heard, { depth: Infinity, showHidden: true })).not.toMatch(HASH)
}

/** A `pg` client stand-in whose statement `failing` is ended by a shutdown (57P01). */
class StandInClient extends EventEmitter {
  constructor(private readonly failing: string) {
    super()
  }
  query(text: string): Promise<{ rows: unknown[] }> {
    if (text !== this.failing) return Promise.resolve({ rows: [] })
    return Promise.reject(
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    )
  }
  release(): void {}
}

/** A `pg.Pool` stand-in that hands out one client. */
class StandInPool extends EventEmitter {
  constructor(readonly client: StandInClient) {
    super()
  }
  query(): Promise<{ rows: unknown[] }> {
    return Promise.resolve({ rows: [] })
  }
  connect(): Promise<StandInClient> {
    return Promise.resolve(this.client)
  }
  end(): Promise<void> {
    return Promise.resolve()
  }
}

describe('postgres store on a stand-in pool', () => {
  it.each(['BEGIN', 'COMMIT'])('turns a connection ended during %s into StoreError unavailable', async (statement) => {
    // Opening migrates in a transaction on a checked-out connection.
    const error = await rejectionOf(createPostgresStore({ pool: new StandInPool(new StandInClient(statement)) }))
    expect(error).toBeInstanceOf(StoreError)
    expect(error).toMatchObject({ code: 'unavailable', sqlState: '57P01' })
  })

  it("hears the pool's and every new connection's 'error' events, which would otherwise end the process", async () => {
    const heard: StoreError[] = []
    const pool = new StandInPool(new StandInClient(''))
    const store = await createPostgresStore({ pool, migrate: false, onError: (error) => heard.push(error) })
    const connection = new StandInClient('')
    pool.emit('connect', connection)
    // An EventEmitter throws an 'error' nobody listens to: in pg, from a socket callback, ending the process.
    expect(() => connection.emit('error', new Error('Connection terminated unexpectedly'))).not.toThrow()
    expect(() =>
      pool.emit(
        'error',
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).not.toThrow()
    expect(heard).toMatchObject([{ code: 'unavailable', sqlState: '57P01' }])
    await store.close()
    expect(pool.listenerCount('error') + pool.listenerCount('connect')).toBe(0)
  })
})

describe.skipIf(BIN === null)('postgres store across a database restart (skipped without a PostgreSQL install)', () => {
  let cluster: OwnCluster | undefined
  const own = (): OwnCluster => {
    if (cluster === undefined) throw new Error('The cluster did not start.')
    return cluster
  }

  beforeAll(async () => {
    cluster = await startOwnCluster(BIN ?? '')
  })
  afterAll(async () => {
    await cluster?.destroy()
  })

  it('survives the restart with idle pooled connections: 503 while down, answers again once it is back', async () => {
    const connectionErrors: StoreError[] = []
    const store = await createPostgresStore({
      connectionString: own().url,
      max: 4,
      onError: (error) => connectionErrors.push(error),
    })
    const { call, errors } = httpSetup(store)
    // Creates at once check out several connections; they go back to the pool idle.
    const warm = await Promise.all(
      [1, 2, 3, 4].map((i) => call('POST', '/api-keys', { as: 'alice', json: { name: `idle ${i}` } })),
    )
    expect(warm.map((answer) => answer.status)).toEqual([201, 201, 201, 201])

    await own().stop()
    // The idle connections were ended by the shutdown; the pool's 'error' events reach onError (not a crash).
    await vi.waitFor(() => expect(connectionErrors.length).toBeGreaterThan(0), { timeout: 20_000 })
    expect(connectionErrors.every((error) => error instanceof StoreError && error.code === 'unavailable')).toBe(true)

    const down = await call('GET', '/api-keys', { as: 'alice' })
    expectUnavailable(down)
    expectHeardUnavailable(errors, 1)

    const startedAt = performance.now()
    await own().start()
    const upAt = performance.now()
    const back = await call('GET', '/api-keys', { as: 'alice' })
    const answeredAt = performance.now()
    expect(back.status).toBe(200)
    expect(back.body.totalCount).toBe(4)
    process.stdout.write(
      `postgres restart (idle pool): pg_ctl start took ${Math.round(upAt - startedAt)} ms, ` +
        `first request after it answered 200 in ${Math.round(answeredAt - upAt)} ms\n`,
    )
    await store.close()
  })

  it('answers in-flight and later requests 503 under load while it restarts, then every request succeeds', async () => {
    const WORKERS = 8
    const LOADED_AFTER = 16
    const store = await createPostgresStore({ connectionString: own().url, max: 4, onError: () => undefined })
    const { call, errors } = httpSetup(store)

    type Phase = 'before' | 'stopping' | 'down' | 'up'
    let phase: Phase = 'before'
    const answers: { sentIn: Phase; answer: Answer; at: number }[] = []
    const created = new Set<string>()
    let successesBefore = 0
    let signalLoaded = (): void => undefined
    const loaded = new Promise<void>((resolve) => (signalLoaded = resolve))
    let parked = 0
    let signalAllParked = (): void => undefined
    const allParked = new Promise<void>((resolve) => (signalAllParked = resolve))
    let signalBackUp = (): void => undefined
    const backUp = new Promise<void>((resolve) => (signalBackUp = resolve))

    // Each worker alternates creates and lists. After a failure while the database is stopping or
    // down, it waits for the restart instead of spinning; once the database is back, it stops at its
    // first success.
    async function worker(w: number): Promise<void> {
      let waited = false
      for (let i = 0; ; i++) {
        const sentIn = phase
        const answer =
          i % 2 === 0
            ? await call('POST', '/api-keys', { as: 'alice', json: { name: `load ${w}-${i}` } })
            : await call('GET', '/api-keys?pageSize=5', { as: 'alice' })
        answers.push({ sentIn, answer, at: performance.now() })
        const ok = answer.status === 200 || answer.status === 201
        if (answer.status === 201) created.add(String(answer.body.id))
        if (ok && phase === 'before' && ++successesBefore === LOADED_AFTER) signalLoaded()
        if (ok && sentIn === 'up') return
        if (!ok && !waited) {
          waited = true
          if (++parked === WORKERS) signalAllParked()
          await backUp
        }
      }
    }
    const workers = Array.from({ length: WORKERS }, (_, w) => worker(w))

    await loaded
    phase = 'stopping'
    const stopAt = performance.now()
    await own().stop()
    phase = 'down'
    await allParked
    const startAt = performance.now()
    await own().start()
    const upAt = performance.now()
    phase = 'up'
    signalBackUp()
    await Promise.all(workers)

    const failures = answers.filter(({ answer }) => answer.status !== 200 && answer.status !== 201)
    // Requests in flight at the shutdown, and requests sent while it was down, got a 503; nothing else failed.
    expect(failures.length).toBeGreaterThanOrEqual(WORKERS)
    for (const { answer } of failures) expectUnavailable(answer)
    expectHeardUnavailable(errors, failures.length)
    // Once PostgreSQL was back, every request succeeded.
    const afterRestart = answers.filter(({ sentIn }) => sentIn === 'up')
    expect(afterRestart.length).toBe(WORKERS)
    expect(afterRestart.every(({ answer }) => answer.status === 200 || answer.status === 201)).toBe(true)

    // Every create answered 201 is stored.
    const stored = new Set<string>()
    for (let page = 1; ; page++) {
      const listed = await call('GET', `/api-keys?pageSize=100&page=${page}`, { as: 'alice' })
      const keys = listed.body.data as { id: string }[]
      for (const key of keys) stored.add(key.id)
      if (keys.length < 100) break
    }
    expect([...created].filter((id) => !stored.has(id))).toEqual([])

    const firstFailure = Math.min(...failures.map(({ at }) => at))
    const firstSuccessAfter = Math.min(...afterRestart.map(({ at }) => at))
    process.stdout.write(
      `postgres restart under load (${WORKERS} workers, pool of 4): ${answers.length} requests, ${failures.length} answered 503; ` +
        `first 503 ${Math.round(firstFailure - stopAt)} ms after the stop began; pg_ctl start took ${Math.round(upAt - startAt)} ms; ` +
        `first success ${Math.round(firstSuccessAfter - upAt)} ms after it returned\n`,
    )
    await store.close()
  })
})
