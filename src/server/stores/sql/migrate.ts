import { migrationsFor, type Migration } from './migrations'
import { DEFAULT_SQL_NAMES, type SqlNames } from './names'
import type { SqlClient } from './sql-client'

/** An arbitrary, fixed advisory-lock key, so two processes never migrate at once. */
const MIGRATION_LOCK_KEY = 7_415_021_113

/**
 * Applies the migrations not yet recorded, in version order, in one transaction under an advisory
 * lock (safe when several app servers start together). Refuses a database migrated by a newer kit.
 * Works under the store's names: its schema (created if missing), its prefixed tables and its own
 * migrations table, so stores with different names in one database never touch each other.
 * Returns the versions it applied.
 */
export async function migrate(
  client: SqlClient,
  names: SqlNames = DEFAULT_SQL_NAMES,
  migrations: readonly Migration[] = migrationsFor(names),
): Promise<number[]> {
  return client.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`)
    if (names.schema !== null) {
      // Looked up first: CREATE SCHEMA needs a privilege an app's role may lack for an existing schema.
      const found = await tx.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [names.schema])
      if (found.length === 0) await tx.query(`CREATE SCHEMA ${names.schema}`)
    }
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${names.migrations} (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    )
    const rows = await tx.query<{ version: number }>(`SELECT version FROM ${names.migrations} ORDER BY version`)
    const applied = new Set(rows.map((row) => Number(row.version)))
    const known = new Set(migrations.map((migration) => migration.version))
    const unknown = [...applied].filter((version) => !known.has(version))
    if (unknown.length > 0) {
      throw new Error(
        `The database has migrations this version of react-api-keys does not know: ${unknown.join(', ')}.`,
      )
    }
    const done: number[] = []
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue
      for (const statement of migration.statements) await tx.query(statement)
      await tx.query(`INSERT INTO ${names.migrations} (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ])
      done.push(migration.version)
    }
    return done
  })
}
