// @vitest-environment node
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { startChildServer, stopChild, type ChildServer } from './child-servers'
import { postgresBin, startOwnCluster, type OwnCluster } from './pg-cluster'
import { PG_REQUIRED } from './pg-env'

const BIN = postgresBin()
const FIXTURE = fileURLToPath(new URL('./fixtures/verify-cache-server.ts', import.meta.url))
const SCHEMA = 'rak_cache'
/** Keys revoked per round; every one must be refused everywhere. */
const KEYS = 5
/** The verify cache's default TTL, which bounds how long a revoked key can still be accepted. */
const TTL_MS = 1000
/** A cache that only a notification can empty in time: a TTL of an hour. */
const LONG_TTL_SECONDS = 3600
/** Far above any notification's delay and far below that hour: a notification this late counts as lost. */
const LOST_AFTER_MS = 30_000
/** A cluster, three child processes and restarts on two shared, slow cores. */
const TIMEOUT_MS = 180_000

if (BIN === null && PG_REQUIRED) {
  it("has a PostgreSQL install to run two instances and restart it (CI=true needs Debian's postgresql package)", () => {
    throw new Error('No initdb under /usr/lib/postgresql/*/bin, so cross-instance revocation would go untested.')
  })
}

interface Key {
  id: string
  secret: string
}

describe.skipIf(BIN === null)('a revoke seen by every instance on one PostgreSQL', { timeout: TIMEOUT_MS }, () => {
  let cluster: OwnCluster | undefined
  let admin: pg.Pool | undefined
  let a: ChildServer
  let b: ChildServer
  let heard: ChildServer
  /** Milliseconds from a revoke's answer to each instance's first refusal, for the report. */
  const seenAfter: Record<string, number[]> = { b: [], heard: [] }

  const own = (): OwnCluster => {
    if (cluster === undefined) throw new Error('The cluster did not start.')
    return cluster
  }

  beforeAll(async () => {
    cluster = await startOwnCluster(BIN ?? '')
    admin = new pg.Pool({ connectionString: cluster.url, max: 2 })
    admin.on('error', () => undefined) // its idle connections are ended by the restart
    await admin.query(`CREATE SCHEMA ${SCHEMA}`)
    const start = (ttlSeconds: number): Promise<ChildServer> =>
      startChildServer(FIXTURE, [own().url, SCHEMA, String(ttlSeconds)])
    // One at a time: each migrates on open.
    a = await start(TTL_MS / 1000)
    b = await start(TTL_MS / 1000)
    heard = await start(LONG_TTL_SECONDS)
  }, TIMEOUT_MS)

  afterAll(async () => {
    await Promise.all([a, b, heard].filter(Boolean).map((instance) => stopChild(instance.process)))
    await admin?.end()
    await cluster?.destroy()
    process.stdout.write(
      `verify cache, revoke on one instance -> first refusal on another (ms): ` +
        `TTL 1 s instance [${seenAfter.b?.map(Math.round).join(', ')}], ` +
        `TTL 1 h instance (notification only) [${seenAfter.heard?.map(Math.round).join(', ')}]\n`,
    )
  }, 60_000)

  let made = 0
  async function create(instance: ChildServer): Promise<Key> {
    const response = await fetch(`${instance.base}/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'alice' },
      body: JSON.stringify({ name: `key ${made++}` }),
    })
    expect(response.status).toBe(201)
    return (await response.json()) as Key
  }

  async function statusOf(instance: ChildServer, key: Key): Promise<number> {
    const response = await fetch(`${instance.base}/protected`, { headers: { authorization: `Bearer ${key.secret}` } })
    await response.arrayBuffer()
    return response.status
  }

  async function revoke(instance: ChildServer, key: Key): Promise<void> {
    const response = await fetch(`${instance.base}/api-keys/${key.id}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'alice' },
      body: '{}',
    })
    expect(response.status).toBe(200)
  }

  /** Asks until `instance` refuses `key`; the milliseconds from `since` to the request that was refused. */
  async function refusedAfter(instance: ChildServer, key: Key, since: number, deadlineMs: number): Promise<number> {
    for (;;) {
      const sentAt = performance.now() - since
      if ((await statusOf(instance, key)) === 401) return sentAt
      // Still accepted: only allowed while the request was sent before the deadline.
      expect(sentAt).toBeLessThan(deadlineMs)
    }
  }

  /**
   * Waits until the long-TTL instance answers from its cache: it still accepts a key revoked
   * behind its back (in SQL, so no notification). It caches nothing while it is not listening, so
   * this is also how the test knows its listening connection is up.
   */
  async function untilHeardInstanceCaches(): Promise<void> {
    for (;;) {
      const key = await create(a)
      expect(await statusOf(heard, key)).toBe(200)
      await admin?.query(`UPDATE ${SCHEMA}.api_keys SET revoked_at = now() WHERE id = $1`, [key.id])
      if ((await statusOf(heard, key)) === 200) return
    }
  }

  /** Revokes keys on `a` that every instance has cached; each instance refuses them in time. */
  async function revokeCachedKeys(): Promise<void> {
    await untilHeardInstanceCaches()
    for (let i = 0; i < KEYS; i++) {
      const key = await create(a)
      for (const instance of [a, b, heard, a, b, heard]) expect(await statusOf(instance, key)).toBe(200)
      await revoke(a, key)
      const revokedAt = performance.now()
      // The instance that revoked forgets the key at once.
      expect(await statusOf(a, key)).toBe(401)
      // Another instance: by the notification, or at the latest when its 1 s entry runs out, so
      // any request sent once a second has passed is refused, however slow the machine.
      seenAfter.b?.push(await refusedAfter(b, key, revokedAt, TTL_MS))
      // The hour-long cache can only have heard it.
      seenAfter.heard?.push(await refusedAfter(heard, key, revokedAt, LOST_AFTER_MS))
    }
  }

  /** Waits until every instance serves again after the restart (their pools reconnect on demand). */
  async function untilServing(): Promise<void> {
    for (;;) {
      const response = await fetch(`${a.base}/api-keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-user': 'alice' },
        body: JSON.stringify({ name: `after restart ${made++}` }),
      })
      if (response.status !== 201) {
        await response.arrayBuffer()
        continue
      }
      const key = (await response.json()) as Key
      const statuses = await Promise.all([a, b, heard].map((instance) => statusOf(instance, key)))
      if (statuses.every((status) => status === 200)) return
    }
  }

  it('refuses a key revoked on another instance within 1 s, every time', async () => {
    await revokeCachedKeys()
  })

  it('still does after PostgreSQL restarts: the listening connection comes back and caches are emptied', async () => {
    const key = await create(a)
    for (const instance of [a, b, heard]) expect(await statusOf(instance, key)).toBe(200)
    await own().stop()
    await own().start()
    await untilServing()
    // Cached before the restart; revoked behind every instance's back while no one could be told.
    await admin?.query(`UPDATE ${SCHEMA}.api_keys SET revoked_at = now() WHERE id = $1`, [key.id])
    // Every instance hears nothing of it, yet refuses it: the reconnect emptied their caches.
    await untilHeardInstanceCaches()
    for (const instance of [a, b, heard]) expect(await statusOf(instance, key)).toBe(401)
    await revokeCachedKeys()
  })
})
