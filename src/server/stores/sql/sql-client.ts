import { StoreError } from '../errors'
import { storeErrorFrom } from './driver-errors'

/** Runs one parameterized statement and returns its rows. */
export interface SqlExecutor {
  query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>
}

/**
 * The little the SQL store needs from a PostgreSQL-speaking driver: queries, transactions (the
 * callback's statements commit together or not at all) and closing. PGlite and `pg` adapt to it.
 */
export interface SqlClient extends SqlExecutor {
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** The SQLSTATE of a unique violation. */
export const UNIQUE_VIOLATION = '23505'

/** The SQLSTATE and constraint of a database error, when it has them. */
export function databaseErrorOf(error: unknown): { code?: string; constraint?: string } {
  if (error instanceof StoreError) {
    return {
      ...(error.sqlState === undefined ? {} : { code: error.sqlState }),
      ...(error.constraint === undefined ? {} : { constraint: error.constraint }),
    }
  }
  if (typeof error !== 'object' || error === null) return {}
  const { code, constraint } = error as { code?: unknown; constraint?: unknown }
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof constraint === 'string' ? { constraint } : {}),
  }
}

/**
 * Runs one call into the driver and rethrows its failure as a `StoreError` that is safe to log
 * (`unavailable` when the database cannot be reached). Every adapter wraps each driver call in it.
 */
export async function driverCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw storeErrorFrom(error)
  }
}
