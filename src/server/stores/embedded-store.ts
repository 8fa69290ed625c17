import { createSqlStore } from './sql/sql-store'
import type { SqlClient } from './sql/sql-client'
import type { ApiKeyStore } from './types'

/** Options of {@link createEmbeddedStore}. */
export interface EmbeddedStoreOptions {
  /**
   * The directory PGlite keeps the database in (created if missing). Left out, the database lives
   * in memory and is gone when the process ends.
   */
  dataDir?: string
  /** Apply pending migrations on open (default true). */
  migrate?: boolean
}

/**
 * The durable store that needs no database server: PGlite (PostgreSQL compiled to WebAssembly)
 * persisted to a directory, with the same SQL and migrations as the PostgreSQL store. One process
 * may open a directory at a time. A create resolves only after PostgreSQL has committed it, which
 * writes its WAL record to the directory: such a create survives the process being killed (see
 * test/server/durability.test.ts). PGlite runs PostgreSQL with fsync off, so a power cut or kernel
 * crash may still lose the last commits; use the PostgreSQL store where that matters.
 * Needs the optional peer dependency `@electric-sql/pglite`.
 */
export async function createEmbeddedStore(options: EmbeddedStoreOptions = {}): Promise<ApiKeyStore> {
  const { PGlite } = await import('@electric-sql/pglite')
  const db = await PGlite.create(options.dataDir === undefined ? {} : { dataDir: options.dataDir, relaxedDurability: false })
  const client: SqlClient = {
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
  try {
    return await createSqlStore(client, { migrate: options.migrate ?? true })
  } catch (error) {
    await db.close().catch(() => undefined)
    throw error
  }
}
