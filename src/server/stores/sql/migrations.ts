import { DEFAULT_SQL_NAMES, type SqlNames } from './names'

/** One schema change: applied once, in `version` order, and recorded in `rak_schema_migrations`. */
export interface Migration {
  version: number
  name: string
  /** Statements run in order inside the migration's transaction. */
  statements: readonly string[]
}

/** A migration written against the store's names, so a schema or table prefix reaches every statement. */
export interface MigrationDefinition {
  version: number
  name: string
  /** The statements for a store's names; with the default names they are exactly what shipped. */
  statements: (names: SqlNames) => readonly string[]
}

/**
 * The schema of the SQL stores (PGlite and PostgreSQL share it). Append new migrations; never edit
 * one that has shipped. Each takes its table and index names from `names` (`api_keys` and so on by
 * default), so a store with a schema or table prefix gets the same schema under its own names.
 *
 * Notes on 0001:
 * - `name_key` is the NFC-normalized, lower-cased name computed in JavaScript, so uniqueness and
 *   search do not depend on the database's collation.
 * - `api_keys_active_name` is the one-active-name-per-subject rule. A row leaves it when revoked or
 *   when `name_released` is set: by a roll (the replacement takes the name) or, for an expired key,
 *   by the insert or rename that wants the name, in the same transaction.
 * - `seq` orders lists newest first without relying on clock resolution.
 * - Only `secret_hash` (SHA-256, hex) and `last_four` of the secret are kept.
 *
 * Notes on 0002 (the subject kind is part of a key's owner):
 * - A key belongs to `(subject_kind, subject)`: a team whose id is `bob` and the user `bob` are two
 *   owners. Every lookup, the active-name rule and the list index include the kind.
 * - Rows stored before 0002 do not say whose they are. The migration decides only what it can
 *   prove harmless: a row whose `created_by` equals its `subject` becomes `'user'` (the kit's
 *   handler records the caller as `created_by`, so that user made the key; should it have been
 *   made for a team with the same id, it goes to the very person who made it, to nobody else).
 *   Every other row keeps `subject_kind` NULL: it still verifies, so the app's clients keep
 *   working, but it belongs to nobody in the API (not listed, not manageable, 404) until the app
 *   says whose it is, e.g. `UPDATE api_keys SET subject_kind = 'team' WHERE subject_kind IS NULL
 *   AND subject = ANY($1)` with its team ids (and `'user'` for user ids). Guessing `'team'` for
 *   them could hand a user's key to a same-named team's managers, so the migration does not guess.
 */
export const MIGRATION_DEFINITIONS: readonly MigrationDefinition[] = [
  {
    version: 1,
    name: 'create_api_keys',
    statements: (names) => [
      `CREATE TABLE ${names.keys} (
        seq bigint GENERATED ALWAYS AS IDENTITY,
        id text PRIMARY KEY,
        subject text NOT NULL,
        name text NOT NULL,
        name_key text NOT NULL,
        description text,
        claims jsonb,
        scopes jsonb NOT NULL DEFAULT '[]'::jsonb,
        secret_hash text NOT NULL,
        prefix text NOT NULL,
        last_four text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text,
        updated_at timestamptz NOT NULL,
        expiration timestamptz,
        revoked_at timestamptz,
        revocation_reason text,
        last_used_at timestamptz,
        name_released boolean NOT NULL DEFAULT false,
        CONSTRAINT ${names.index('api_keys_secret_hash_format')} CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ${names.index('api_keys_scopes_array')} CHECK (jsonb_typeof(scopes) = 'array')
      )`,
      `CREATE UNIQUE INDEX ${names.index('api_keys_secret_hash')} ON ${names.keys} (secret_hash)`,
      `CREATE UNIQUE INDEX ${names.index('api_keys_active_name')} ON ${names.keys} (subject, name_key)
        WHERE revoked_at IS NULL AND NOT name_released`,
      `CREATE INDEX ${names.index('api_keys_subject_seq')} ON ${names.keys} (subject, seq DESC)`,
    ],
  },
  {
    version: 2,
    name: 'subject_kind',
    statements: (names) => [
      `ALTER TABLE ${names.keys} ADD COLUMN subject_kind text`,
      `ALTER TABLE ${names.keys} ADD CONSTRAINT ${names.index('api_keys_subject_kind_value')}
        CHECK (subject_kind IN ('user', 'team'))`,
      `UPDATE ${names.keys} SET subject_kind = 'user' WHERE created_by = subject`,
      `DROP INDEX ${names.qualifiedIndex('api_keys_active_name')}`,
      `CREATE UNIQUE INDEX ${names.index('api_keys_active_name')} ON ${names.keys} (subject_kind, subject, name_key)
        WHERE revoked_at IS NULL AND NOT name_released`,
      `DROP INDEX ${names.qualifiedIndex('api_keys_subject_seq')}`,
      `CREATE INDEX ${names.index('api_keys_subject_seq')} ON ${names.keys} (subject_kind, subject, seq DESC)`,
    ],
  },
  {
    // 0003: the table of `createPostgresRateLimiter`, one token bucket per (budget, caller), so a
    // limit holds across every instance on one database. Rows are disposable (a missing row is a
    // full bucket), so the table is UNLOGGED: no WAL per take; a crash or failover empties it,
    // which only gives every caller a full budget again. Independent of 0002 (no other table).
    version: 3,
    name: 'rate_limits',
    statements: (names) => [
      `CREATE UNLOGGED TABLE ${names.rateLimits} (
        budget text NOT NULL,
        caller text NOT NULL,
        tokens double precision NOT NULL,
        refreshed_at timestamptz NOT NULL,
        allowed boolean NOT NULL,
        PRIMARY KEY (budget, caller)
      )`,
    ],
  },
  {
    // 0004: lists, searches and counts that cost what the owner's keys cost, not the table. One
    // B-tree per owner in list order that also carries every column a list filters on, so the
    // count and the page's ids come from an index-only scan of that owner's entries (no row is
    // read but the page's), however many keys other owners hold. It replaces 0002's
    // `api_keys_subject_seq`, whose columns lead it. Search is a substring of the name key or the
    // last four; a trigram index (`pg_trgm`, which PGlite ships only as an extension to load) was
    // not chosen: its entries are the whole table's, so a common word costs more as the table
    // grows, and creating an extension needs a right an app's role may lack. Building the index
    // blocks writes to the table while it runs (seconds for a million keys).
    version: 4,
    name: 'list_search_index',
    statements: (names) => [
      `CREATE INDEX ${names.index('api_keys_owner_list')} ON ${names.keys} (subject_kind, subject, seq DESC)
        INCLUDE (id, name_key, last_four, revoked_at, expiration)`,
      `DROP INDEX ${names.qualifiedIndex('api_keys_subject_seq')}`,
    ],
  },
  {
    // 0005: a roll links the two keys, so a person can follow a rotation: the replacement's
    // `rolled_from` names the old key and the old key's `replaced_by` names the replacement. Both
    // stay NULL for keys rolled before 0005 (the link was never recorded; nothing is guessed).
    version: 5,
    name: 'rotation_links',
    statements: (names) => [
      `ALTER TABLE ${names.keys} ADD COLUMN rolled_from text`,
      `ALTER TABLE ${names.keys} ADD COLUMN replaced_by text`,
    ],
  },
  {
    // 0006: who revoked a key (the user id the handler's caller had), for "Revoked by" in its
    // details. NULL for keys revoked before 0006 and for revokes that did not say who.
    version: 6,
    name: 'revoked_by',
    statements: (names) => [`ALTER TABLE ${names.keys} ADD COLUMN revoked_by text`],
  },
]

/** The migrations with a store's names filled in. */
export function migrationsFor(names: SqlNames): Migration[] {
  return MIGRATION_DEFINITIONS.map(({ version, name, statements }) => ({
    version,
    name,
    statements: statements(names),
  }))
}

/** The migrations of a store with the default names (`api_keys`), for apps that run them with their own tool. */
export const MIGRATIONS: readonly Migration[] = migrationsFor(DEFAULT_SQL_NAMES)
