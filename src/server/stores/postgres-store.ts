import type { RateLimiter, RateLimitOptions } from '../service/rate-limiter'
import type { StoreError } from './errors'
import { createPostgresRateLimiter } from './postgres-rate-limiter'
import { loadPeer, peerImports } from './optional-peers'
import { storeErrorFrom } from './sql/driver-errors'
import { sqlLocationOf, sqlNamesFor, type SqlLocation } from './sql/names'
import {
  changeChannelOf,
  PostgresChangeFeed,
  type PgChangeFeedDatabase,
  type PgListeningClientLike,
} from './postgres-key-changes'
import { createSqlStore } from './sql/sql-store'
import { driverCall, type SqlClient, type SqlExecutor } from './sql/sql-client'
import type { ApiKeyStore, KeyChangeListener } from './types'

/** The part of a `pg` query result the store reads. */
export interface PgResultLike {
  rows: unknown[]
}

/** Subscribing to a `pg` emitter's `'error'` events (a pool's or a client's). */
export interface PgErrorEvents {
  on(event: 'error', listener: (error: Error) => void): unknown
  off(event: 'error', listener: (error: Error) => void): unknown
}

/** The part of a checked-out `pg` client the store uses; its `'error'` events are heard while it is checked out. */
export interface PgPoolClientLike extends Partial<PgErrorEvents> {
  query(text: string, params?: unknown[]): Promise<PgResultLike>
  release(error?: Error | boolean): void
}

/** The events of a `pg.Pool` the store listens to: failures of idle connections, and each new connection. */
export interface PgPoolEvents {
  on(event: 'error', listener: (error: Error) => void): unknown
  on(event: 'connect', listener: (client: PgPoolClientLike) => void): unknown
  off(event: 'error', listener: (error: Error) => void): unknown
  off(event: 'connect', listener: (client: PgPoolClientLike) => void): unknown
}

/** The part of a `pg.Pool` the store uses (a `pg.Pool` fits as is); its events are heard while the store is open. */
export interface PgPoolLike extends Partial<PgPoolEvents> {
  query(text: string, params?: unknown[]): Promise<PgResultLike>
  connect(): Promise<PgPoolClientLike>
  end(): Promise<void>
}

/**
 * Told when an idle pooled connection fails (a database restart or failover), with a
 * {@link StoreError} that is safe to log. Requests that meet the outage fail with
 * `StoreError('unavailable')` (the handler answers 503 with `Retry-After` and calls its `onError`).
 */
export type PgConnectionErrorListener = (error: StoreError) => void

/**
 * Options of {@link createPostgresStore}: a pool of your own, or a connection string; and where the
 * tables live (`schema`, `tablePrefix`; default `api_keys` on the `search_path`).
 */
export type PostgresStoreOptions = SqlLocation & {
  /**
   * Tell other processes of revokes, rolls and edits with `NOTIFY`, and hear theirs with `LISTEN`
   * (default true), so their verify caches drop a changed key at once. Listening takes one more
   * connection, made like the pool's (`pool.Client` with `pool.options`) once a service subscribes,
   * ended by `close`. Turn it off behind a pooler that cannot `LISTEN` (PgBouncer in transaction
   * mode): verify caches then see other processes' changes within their TTL alone (1 s by default).
   */
  listenForChanges?: boolean
} & (
    | {
        /** Your `pg.Pool`; the store does not end it on close. */
        pool: PgPoolLike
        migrate?: boolean
        /** Hears idle connections that fail (default: a `console.warn` line). */
        onError?: PgConnectionErrorListener
      }
    | {
        /** A `postgres://` URL; the store makes a `pg.Pool` and ends it on close. */
        connectionString: string
        /** Most connections in the pool (default 10); listening for changes takes one more. */
        max?: number
        migrate?: boolean
        /** Hears idle connections that fail (default: a `console.warn` line). */
        onError?: PgConnectionErrorListener
      }
  )

function executor(target: { query(text: string, params?: unknown[]): Promise<PgResultLike> }): SqlExecutor {
  return {
    query<Row>(text: string, params: readonly unknown[] = []) {
      return driverCall(async () => (await target.query(text, [...params])).rows as Row[])
    },
  }
}

async function makePool(connectionString: string, max: number): Promise<PgPoolLike> {
  const pg = (await loadPeer(peerImports.pg, 'pg', 'createPostgresStore')) as {
    default?: { Pool: PgPoolConstructor }
    Pool?: PgPoolConstructor
  }
  const Pool = pg.default?.Pool ?? pg.Pool
  if (Pool === undefined) throw new Error('The "pg" package did not export Pool.')
  return new Pool({ connectionString, max })
}

type PgPoolConstructor = new (config: { connectionString: string; max: number }) => PgPoolLike

/**
 * The store for apps on several machines: PostgreSQL through `pg`, with the same SQL and migrations
 * as the embedded store. Transactions run on one checked-out connection. Migrations are applied on
 * open under an advisory lock, so several servers may start at once. Needs the optional peer
 * dependency `pg`.
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<ApiKeyStore> {
  const location = sqlLocationOf(options)
  const owned = 'connectionString' in options
  const listen = options.listenForChanges ?? true
  const pool = owned ? await makePool(options.connectionString, options.max ?? 10) : options.pool
  // Without a listener, a pooled connection dropped by a restart throws from an 'error' event and ends the process.
  const report = options.onError ?? ((error: StoreError) => console.warn(`react-api-keys: ${error.message}`))
  const onPoolError = (error: Error): void => report(storeErrorFrom(error))
  // pg emits a connection's failure as an 'error' event, and may do so in the instant a connection
  // passes from the pool to the store. So each new connection is heard for its whole life; what
  // broke reaches the caller through the connection's next statement (or onPoolError while idle).
  const onConnectionFailure = (): void => undefined
  const onNewConnection = (connection: PgPoolClientLike): void => {
    connection.on?.('error', onConnectionFailure)
  }
  pool.on?.('error', onPoolError)
  pool.on?.('connect', onNewConnection)
  const client: SqlClient = {
    ...executor(pool),
    async transaction(work) {
      const connection = await driverCall(() => pool.connect())
      let broken = false
      // A checked-out connection that breaks between statements emits 'error' too; its next statement then fails.
      const onConnectionError = (): void => {
        broken = true
      }
      connection.on?.('error', onConnectionError)
      const tx = executor(connection)
      try {
        await tx.query('BEGIN')
        const result = await work(tx)
        await tx.query('COMMIT')
        return result
      } catch (error) {
        await tx.query('ROLLBACK').catch(() => {
          broken = true
        })
        throw error
      } finally {
        connection.off?.('error', onConnectionError)
        connection.release(broken)
      }
    },
    close: async () => {
      if (owned) return pool.end()
      pool.off?.('error', onPoolError)
      pool.off?.('connect', onNewConnection)
    },
  }
  try {
    const store = await createSqlStore(client, { migrate: options.migrate ?? true, ...location })
    // Its instances share one budget per caller through the database (the table migration 3 made).
    const createSharedRateLimiter = ({ limit, windowSeconds, now }: RateLimitOptions): RateLimiter =>
      createPostgresRateLimiter({ pool, ...location, limit, windowSeconds, now })
    const database = listen ? changeFeedDatabase(pool) : null
    if (database === null) return { ...store, createSharedRateLimiter }
    return withChangeFeed(
      { ...store, createSharedRateLimiter },
      new PostgresChangeFeed(database, changeChannelOf(sqlNamesFor(location)), report),
    )
  } catch (error) {
    await client.close().catch(() => undefined)
    throw error
  }
}

/**
 * The store with `LISTEN/NOTIFY`: a revoke, roll or edit that changed a key is announced to every
 * process (after it committed; if the `NOTIFY` fails, the others' caches see it within their TTL),
 * and `subscribeToChanges` hears them. Closing the store stops listening first.
 */
function withChangeFeed(store: ApiKeyStore, feed: PostgresChangeFeed): ApiKeyStore {
  const announced = async <T>(id: string | undefined, result: T): Promise<T> => {
    if (id !== undefined) await feed.publish(id)
    return result
  }
  return {
    ...store,
    revoke: async (command) => {
      const key = await store.revoke(command)
      return announced(key?.id, key)
    },
    update: async (command) => {
      const key = await store.update(command)
      return announced(key?.id, key)
    },
    roll: async (command) => {
      const rolled = await store.roll(command)
      return announced(rolled?.previous.id, rolled)
    },
    subscribeToChanges: (listener: KeyChangeListener) => feed.subscribe(listener),
    close: async () => {
      feed.close()
      await store.close()
    },
  }
}

/**
 * What the change feed uses of the pool: its statements, and new clients made as the pool makes
 * its own (`pg.Pool` exposes its `Client` class and `options`). Null for a pool that does not
 * (a stand-in): without a way to listen, the store offers no change feed, as with `listenForChanges: false`.
 */
function changeFeedDatabase(pool: PgPoolLike): PgChangeFeedDatabase | null {
  const { Client, options } = pool as { Client?: unknown; options?: unknown }
  if (typeof Client !== 'function' || typeof options !== 'object' || options === null) return null
  const ListeningClient = Client as new (config: object) => PgListeningClientLike
  return {
    query: (text, params) => pool.query(text, params),
    newClient: () => new ListeningClient(options),
  }
}
