/** Where a SQL store keeps its tables: an optional schema and an optional table prefix. */
export interface SqlLocation {
  /**
   * The PostgreSQL schema of the store's tables, created if missing (default: none, so the
   * connection's `search_path` decides, as before). Lower-case letters, digits and `_`.
   */
  schema?: string
  /**
   * Put before every table and index name, e.g. `auth_` for `auth_api_keys` (default none).
   * Lower-case letters, digits and `_`, starting with a letter, at most 30 characters.
   */
  tablePrefix?: string
}

/** The SQL names a store uses; every statement takes its table and index names from here. */
export interface SqlNames {
  /** The keys table as statements name it (schema-qualified when a schema is set). */
  readonly keys: string
  /** The table that records applied migrations, as statements name it. */
  readonly migrations: string
  /** The shared rate limiter's table (migration 3), as statements name it. */
  readonly rateLimits: string
  /** The schema, when one is set. */
  readonly schema: string | null
  /** An index or constraint name with the prefix, unqualified (as `CREATE INDEX` and error reports want it). */
  index(name: string): string
  /** An index name with the prefix, schema-qualified (as `DROP INDEX` wants it). */
  qualifiedIndex(name: string): string
}

const IDENTIFIER = /^[a-z][a-z0-9_]*$/
const MAX_PREFIX_LENGTH = 30
const MAX_SCHEMA_LENGTH = 63

/**
 * The names for a location, after checking it: only plain lower-case identifiers are accepted, so
 * the names need no quoting and can never carry SQL.
 */
export function sqlNamesFor(location: SqlLocation = {}): SqlNames {
  const prefix = location.tablePrefix ?? ''
  const schema = location.schema ?? null
  if (prefix !== '' && !(IDENTIFIER.test(prefix) && prefix.length <= MAX_PREFIX_LENGTH)) {
    throw new TypeError(
      `tablePrefix must start with a lower-case letter and hold only lower-case letters, digits and "_" (at most ${MAX_PREFIX_LENGTH}).`,
    )
  }
  if (schema !== null && !(IDENTIFIER.test(schema) && schema.length <= MAX_SCHEMA_LENGTH)) {
    throw new TypeError(
      `schema must start with a lower-case letter and hold only lower-case letters, digits and "_" (at most ${MAX_SCHEMA_LENGTH}).`,
    )
  }
  const qualify = (name: string): string => (schema === null ? name : `${schema}.${name}`)
  return {
    keys: qualify(`${prefix}api_keys`),
    migrations: qualify(`${prefix}rak_schema_migrations`),
    rateLimits: qualify(`${prefix}rak_rate_limits`),
    schema,
    index: (name) => `${prefix}${name}`,
    qualifiedIndex: (name) => qualify(`${prefix}${name}`),
  }
}

/**
 * Just the location fields of a store's options (so other options never reach the SQL layer),
 * checked at once: a bad schema or prefix throws a `TypeError` before any database is opened.
 */
export function sqlLocationOf(options: SqlLocation): SqlLocation {
  sqlNamesFor(options)
  return {
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    ...(options.tablePrefix === undefined ? {} : { tablePrefix: options.tablePrefix }),
  }
}

/** The names of a store opened without a schema or prefix: `api_keys` and `rak_schema_migrations`. */
export const DEFAULT_SQL_NAMES: SqlNames = sqlNamesFor()
