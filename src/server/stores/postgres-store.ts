import { createSqlStore } from './sql/sql-store'
import type { SqlClient, SqlExecutor } from './sql/sql-client'
import type { ApiKeyStore } from './types'

/** The part of a `pg` query result the store reads. */
export interface PgResultLike {
  rows: unknown[]
}

/** The part of a checked-out `pg` client the store uses. */
export interface PgPoolClientLike {
  query(text: string, params?: unknown[]): Promise<PgResultLike>
  release(error?: Error | boolean): void
}

/** The part of a `pg.Pool` the store uses (a `pg.Pool` fits as is). */
export interface PgPoolLike {
  query(text: string, params?: unknown[]): Promise<PgResultLike>
  connect(): Promise<PgPoolClientLike>
  end(): Promise<void>
}

/** Options of {@link createPostgresStore}: a pool of your own, or a connection string. */
export type PostgresStoreOptions =
  | {
      /** Your `pg.Pool`; the store does not end it on close. */
      pool: PgPoolLike
      migrate?: boolean
    }
  | {
      /** A `postgres://` URL; the store makes a `pg.Pool` and ends it on close. */
      connectionString: string
      /** Most connections in the pool (default 10). */
      max?: number
      migrate?: boolean
    }

function executor(target: { query(text: string, params?: unknown[]): Promise<PgResultLike> }): SqlExecutor {
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await target.query(text, [...params])).rows as Row[]
    },
  }
}

async function makePool(connectionString: string, max: number): Promise<PgPoolLike> {
  const pg = (await import('pg')) as unknown as { default?: { Pool: PgPoolConstructor }; Pool?: PgPoolConstructor }
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
  const owned = 'connectionString' in options
  const pool = owned ? await makePool(options.connectionString, options.max ?? 10) : options.pool
  const client: SqlClient = {
    ...executor(pool),
    async transaction(work) {
      const connection = await pool.connect()
      let broken = false
      try {
        await connection.query('BEGIN')
        const result = await work(executor(connection))
        await connection.query('COMMIT')
        return result
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => {
          broken = true
        })
        throw error
      } finally {
        connection.release(broken)
      }
    },
    close: async () => {
      if (owned) await pool.end()
    },
  }
  try {
    return await createSqlStore(client, { migrate: options.migrate ?? true })
  } catch (error) {
    await client.close().catch(() => undefined)
    throw error
  }
}
