import { loadPeer, peerImports } from './optional-peers'
import { createVacuumPolicy } from './embedded-vacuum'
import { sqlLocationOf, sqlNamesFor, type SqlLocation } from './sql/names'
import { createSqlStore } from './sql/sql-store'
import { storeErrorFrom } from './sql/driver-errors'
import { driverCall, type SqlClient } from './sql/sql-client'
import type { ApiKeyStore } from './types'

/** Options of {@link createEmbeddedStore}: where, and under which table names (`schema`, `tablePrefix`). */
export interface EmbeddedStoreOptions extends SqlLocation {
  /**
   * The directory PGlite keeps the database in (created, with missing parents, if missing). Left
   * out, the database lives in memory and is gone when the process ends. One process may open a
   * directory at a time: a second opener is refused while the first lives (see `data-dir-lock.ts`).
   */
  dataDir?: string
  /** Apply pending migrations on open (default true). */
  migrate?: boolean
  /**
   * PGlite runs no autovacuum: the store runs `VACUUM (ANALYZE)` on its tables in the background
   * when opened and after this many writes (default 10,000; 0 turns it off). While it runs, the
   * requests queued behind it wait (PGlite has one connection).
   */
  vacuumEvery?: number
  /** Told after each background vacuum: null when it ran, else its error (for logging). */
  onVacuum?: (error: Error | null) => void
}

/** Writes between two background vacuums unless `vacuumEvery` says otherwise. */
const DEFAULT_VACUUM_EVERY = 10_000

/** A statement that leaves dead rows behind (or adds rows), counted towards the next vacuum. */
const WRITE_STATEMENT = /^\s*(insert|update|delete)\b/i

/**
 * The durable store that needs no database server: PGlite (PostgreSQL compiled to WebAssembly)
 * persisted to a directory, with the same SQL and migrations as the PostgreSQL store. One process
 * may open a directory at a time: the store holds a lock file in it (released on `close`), refuses
 * a second opener, in this process or another, and takes over the lock of a process that died.
 * A create resolves only after PostgreSQL has committed it, which writes its WAL record to the
 * directory: such a create survives the process being killed (see test/server/durability.test.ts).
 * PGlite runs PostgreSQL with fsync off, so a power cut or kernel
 * crash may still lose the last commits; use the PostgreSQL store where that matters.
 * Needs the optional peer dependency `@electric-sql/pglite`.
 */
export async function createEmbeddedStore(options: EmbeddedStoreOptions = {}): Promise<ApiKeyStore> {
  const location = sqlLocationOf(options)
  const { PGlite } = await loadPeer(peerImports.pglite, '@electric-sql/pglite', 'createEmbeddedStore')
  const directory = fileSystemDirectory(options.dataDir)
  const lock = directory === null ? null : await (await import('./data-dir-lock')).lockDataDir(directory)
  const db = await driverCall(() =>
    PGlite.create(options.dataDir === undefined ? {} : { dataDir: options.dataDir, relaxedDurability: false }),
  ).catch(async (error: unknown) => {
    await lock?.release()
    throw error
  })
  const names = sqlNamesFor(location)
  const vacuum = createVacuumPolicy({
    vacuum: () => driverCall(async () => void (await db.query(`VACUUM (ANALYZE) ${names.keys}, ${names.rateLimits}`))),
    every: options.vacuumEvery ?? DEFAULT_VACUUM_EVERY,
    onVacuum: options.onVacuum,
  })
  const client: SqlClient = {
    query<Row>(text: string, params: readonly unknown[] = []) {
      if (WRITE_STATEMENT.test(text)) vacuum.noteWrite()
      return driverCall(async () => (await db.query<Row>(text, [...params])).rows)
    },
    async transaction(work) {
      // What `work` throws is the store's own (already safe) error; anything else came from PGlite.
      let failure: { error: unknown } | undefined
      vacuum.noteWrite()
      try {
        return await db.transaction(async (tx) => {
          try {
            return await work({
              query<Row>(text: string, params: readonly unknown[] = []) {
                return driverCall(async () => (await tx.query<Row>(text, [...params])).rows)
              },
            })
          } catch (error) {
            failure = { error }
            throw error
          }
        })
      } catch (error) {
        if (failure !== undefined && failure.error === error) throw error
        throw storeErrorFrom(error)
      }
    },
    async close() {
      try {
        await vacuum.drain()
        await db.close()
      } finally {
        await lock?.release()
      }
    },
  }
  try {
    const store = await createSqlStore(client, { migrate: options.migrate ?? true, ...location })
    vacuum.opened()
    return store
  } catch (error) {
    await client.close().catch(() => undefined)
    throw error
  }
}

/** The file system directory of a PGlite `dataDir` (a path or `file://` path), or null for memory and browser storage. */
function fileSystemDirectory(dataDir: string | undefined): string | null {
  if (dataDir === undefined || dataDir === '') return null
  if (dataDir.startsWith('file://')) return dataDir.slice('file://'.length)
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(dataDir) ? null : dataDir
}
