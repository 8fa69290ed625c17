/** One schema change: applied once, in `version` order, and recorded in `rak_schema_migrations`. */
export interface Migration {
  version: number
  name: string
  /** Statements run in order inside the migration's transaction. */
  statements: readonly string[]
}

/**
 * The schema of the SQL stores (PGlite and PostgreSQL share it). Append new migrations; never edit
 * one that has shipped.
 *
 * Notes on 0001:
 * - `name_key` is the NFC-normalized, lower-cased name computed in JavaScript, so uniqueness and
 *   search do not depend on the database's collation.
 * - `api_keys_active_name` is the one-active-name-per-subject rule. A row leaves it when revoked or
 *   when `name_released` is set: by a roll (the replacement takes the name) or, for an expired key,
 *   by the insert or rename that wants the name, in the same transaction.
 * - `seq` orders lists newest first without relying on clock resolution.
 * - Only `secret_hash` (SHA-256, hex) and `last_four` of the secret are kept.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'create_api_keys',
    statements: [
      `CREATE TABLE api_keys (
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
        CONSTRAINT api_keys_secret_hash_format CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT api_keys_scopes_array CHECK (jsonb_typeof(scopes) = 'array')
      )`,
      `CREATE UNIQUE INDEX api_keys_secret_hash ON api_keys (secret_hash)`,
      `CREATE UNIQUE INDEX api_keys_active_name ON api_keys (subject, name_key)
        WHERE revoked_at IS NULL AND NOT name_released`,
      `CREATE INDEX api_keys_subject_seq ON api_keys (subject, seq DESC)`,
    ],
  },
]

/** The table that records applied migrations. */
export const MIGRATIONS_TABLE = 'rak_schema_migrations'
