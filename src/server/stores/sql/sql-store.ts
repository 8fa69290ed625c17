import { UNUSED_AFTER_MS, type HygieneFilter } from '../../../core/key-hygiene'
import { EXPIRES_SOON_MS } from '../../../core/key-status'
import type { APIKeyStatusFilter } from '../../../core/types'
import { nameTakenError, notRollableError } from '../errors'
import type { ApiKeyStore, ListKeysQuery, NewApiKeyRecord, RollKeyCommand } from '../types'
import { migrate } from './migrate'
import { sqlNamesFor, type SqlLocation, type SqlNames } from './names'
import { KEY_COLUMNS, keyFromRow, type ApiKeyRow } from './rows'
import { UNIQUE_VIOLATION, databaseErrorOf, type SqlClient, type SqlExecutor } from './sql-client'

/** Fixed SQL for each status filter, given the placeholder of the request's moment. Never built from input. */
const STATUS_CONDITION: Record<APIKeyStatusFilter, (now: string) => string> = {
  active: (now) => `revoked_at IS NULL AND (expiration IS NULL OR expiration > ${now})`,
  expired: (now) => `revoked_at IS NULL AND expiration <= ${now}`,
  revoked: (now) => `revoked_at IS NOT NULL AND ${now} IS NOT NULL`,
}

/**
 * Fixed SQL for each hygiene finding: `matchesHygiene` in SQL (the store contract checks it against
 * that rule at its boundaries). `now` is the request's moment and `bound` the moment `bound(now)`
 * gives, from the rule's own constants. A key needs care when it is not revoked, not rolled
 * (`replaced_by`) and not expired. Never built from input.
 */
const HYGIENE_CONDITION: Record<
  HygieneFilter,
  { bound: (now: number) => number; sql: (now: string, bound: string) => string }
> = {
  // Expires in under EXPIRES_SOON_MS: now < expiration < now + EXPIRES_SOON_MS.
  'expiring-this-week': {
    bound: (now) => now + EXPIRES_SOON_MS,
    sql: (now, soon) => `revoked_at IS NULL AND replaced_by IS NULL AND expiration > ${now} AND expiration < ${soon}`,
  },
  // Last used (or, never used, made) more than UNUSED_AFTER_MS ago: before now - UNUSED_AFTER_MS.
  unused: {
    bound: (now) => now - UNUSED_AFTER_MS,
    sql: (now, since) =>
      `revoked_at IS NULL AND replaced_by IS NULL AND (expiration IS NULL OR expiration > ${now})
        AND coalesce(last_used_at, created_at) < ${since}`,
  },
}

/**
 * The WHERE clause of a list and its parameters: the owner, the search (a substring of the name
 * key, or the whole last four in any case), the status and the hygiene finding. Without a hygiene
 * finding it reads only columns of the owner's list index, so a count never visits a row; a hygiene
 * finding reads `replaced_by`, `created_at` and `last_used_at`, which the index lacks, so its count
 * visits the owner's rows (one owner's keys: few enough that no index of its own is worth it).
 */
function listConditions(query: ListKeysQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [query.subject, query.subjectKind]
  const conditions = ['subject_kind = $2', 'subject = $1']
  if (query.nameKeyContains !== '') {
    params.push(query.nameKeyContains)
    const search = `$${params.length}::text`
    conditions.push(`(strpos(name_key, ${search}) > 0 OR lower(last_four) = ${search})`)
  }
  if (query.status !== undefined) {
    params.push(query.now.toISOString())
    conditions.push(STATUS_CONDITION[query.status](`$${params.length}::timestamptz`))
  }
  if (query.hygiene !== undefined) {
    const condition = HYGIENE_CONDITION[query.hygiene]
    params.push(query.now.toISOString(), new Date(condition.bound(query.now.getTime())).toISOString())
    conditions.push(`(${condition.sql(`$${params.length - 1}::timestamptz`, `$${params.length}::timestamptz`)})`)
  }
  return { where: conditions.join(' AND '), params }
}

/** The statements that are the same for every call, written once per store under its names. */
interface Statements {
  releaseExpiredName: string
  insertKey: string
}

function statementsFor(names: SqlNames): Statements {
  return {
    releaseExpiredName: `UPDATE ${names.keys} SET name_released = true
      WHERE subject_kind = $4 AND subject = $1 AND name_key = $2 AND revoked_at IS NULL AND NOT name_released
        AND expiration IS NOT NULL AND expiration <= $3::timestamptz`,
    insertKey: `INSERT INTO ${names.keys} (id, subject, name, name_key, description, claims, scopes, secret_hash,
        prefix, last_four, created_at, created_by, updated_at, expiration, subject_kind)
      VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11::timestamptz, $12, $11::timestamptz,
        $13::timestamptz, $14)
      RETURNING ${KEY_COLUMNS}`,
  }
}

function insertParams(record: NewApiKeyRecord): unknown[] {
  return [
    record.id,
    record.subject,
    record.name,
    record.nameKey,
    record.description,
    record.claims === null ? null : JSON.stringify(record.claims),
    JSON.stringify(record.scopes),
    record.secretHash,
    record.prefix,
    record.lastFour,
    record.createdAt.toISOString(),
    record.createdBy,
    record.expiration === null ? null : record.expiration.toISOString(),
    record.subjectKind,
  ]
}

async function insertKey(tx: SqlExecutor, sql: Statements, record: NewApiKeyRecord, now: Date): Promise<ApiKeyRow> {
  await tx.query(sql.releaseExpiredName, [record.subject, record.nameKey, now.toISOString(), record.subjectKind])
  const [row] = await tx.query<ApiKeyRow>(sql.insertKey, insertParams(record))
  if (!row) throw new Error('INSERT returned no row.')
  return row
}

/** Runs `work`, turning a violation of the active-name index into the kit's `conflict`. */
async function mapNameConflict<T>(activeNameIndex: string, nameOf: () => string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    const { code, constraint } = databaseErrorOf(error)
    if (code === UNIQUE_VIOLATION && constraint === activeNameIndex) throw nameTakenError(nameOf())
    throw error
  }
}

/** Options of {@link createSqlStore}: whether to migrate, and where the tables live. */
export interface SqlStoreOptions extends SqlLocation {
  /** Apply pending migrations before the store is used (default true). */
  migrate?: boolean
}

/**
 * The {@link ApiKeyStore} over any PostgreSQL dialect client (PGlite, `pg`). All input travels as
 * bind parameters; the only SQL text built at run time comes from fixed constants and the store's
 * table names (a schema and prefix checked to be plain lower-case identifiers).
 */
export async function createSqlStore(client: SqlClient, options: SqlStoreOptions = {}): Promise<ApiKeyStore> {
  const names = sqlNamesFor(options)
  const table = names.keys
  const sql = statementsFor(names)
  const activeNameIndex = names.index('api_keys_active_name')
  if (options.migrate !== false) await migrate(client, names)

  return {
    insert(record, now) {
      return mapNameConflict(
        activeNameIndex,
        () => record.name,
        async () => keyFromRow(await client.transaction((tx) => insertKey(tx, sql, record, now))),
      )
    },

    async list(query: ListKeysQuery) {
      const { where, params } = listConditions(query)
      // The page's ids and the count both come from the owner's entries in `api_keys_owner_list`
      // (index-only unless a hygiene finding reads more, see listConditions); only the page's rows are then read.
      const [rows, [count]] = await Promise.all([
        client.query<ApiKeyRow>(
          `SELECT ${KEY_COLUMNS} FROM ${table}
           WHERE id IN (SELECT id FROM ${table} WHERE ${where}
                        ORDER BY seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2})
           ORDER BY seq DESC`,
          [...params, query.limit, query.offset],
        ),
        client.query<{ total: number | string }>(`SELECT count(*)::int AS total FROM ${table} WHERE ${where}`, params),
      ])
      return { keys: rows.map(keyFromRow), totalCount: Number(count?.total ?? 0) }
    },

    async get(id) {
      const [row] = await client.query<ApiKeyRow>(`SELECT ${KEY_COLUMNS} FROM ${table} WHERE id = $1`, [id])
      return row ? keyFromRow(row) : null
    },

    async findBySecretHash(secretHash) {
      const [row] = await client.query<ApiKeyRow & { secret_hash: string }>(
        `SELECT ${KEY_COLUMNS}, secret_hash FROM ${table} WHERE secret_hash = $1`,
        [secretHash],
      )
      return row ? { key: keyFromRow(row), secretHash: row.secret_hash } : null
    },

    async revoke({ id, subject, subjectKind, reason, revokedBy, now }) {
      // In SET, column names are the row's old values: a revoked row keeps its first time, reason and revoker.
      const [row] = await client.query<ApiKeyRow>(
        `UPDATE ${table} SET
           revoked_at = COALESCE(revoked_at, $3::timestamptz),
           revocation_reason = CASE WHEN revoked_at IS NULL THEN $4::text ELSE revocation_reason END,
           revoked_by = CASE WHEN revoked_at IS NULL THEN $6::text ELSE revoked_by END,
           updated_at = CASE WHEN revoked_at IS NULL THEN $3::timestamptz ELSE updated_at END
         WHERE id = $1 AND subject = $2 AND subject_kind = $5
         RETURNING ${KEY_COLUMNS}`,
        [id, subject, now.toISOString(), reason, subjectKind, revokedBy ?? null],
      )
      return row ? keyFromRow(row) : null
    },

    update({ id, subject, subjectKind, name, description, now }) {
      return mapNameConflict(
        activeNameIndex,
        () => name?.name ?? '',
        async () => {
          const row = await client.transaction(async (tx) => {
            if (name !== undefined) {
              await tx.query(sql.releaseExpiredName, [subject, name.nameKey, now.toISOString(), subjectKind])
            }
            const [updated] = await tx.query<ApiKeyRow>(
              `UPDATE ${table} SET
               name = COALESCE($3::text, name),
               name_key = COALESCE($4::text, name_key),
               description = CASE WHEN $5::boolean THEN $6::text ELSE description END,
               updated_at = $7::timestamptz
             WHERE id = $1 AND subject = $2 AND subject_kind = $8
             RETURNING ${KEY_COLUMNS}`,
              [
                id,
                subject,
                name?.name ?? null,
                name?.nameKey ?? null,
                description !== undefined,
                description ?? null,
                now.toISOString(),
                subjectKind,
              ],
            )
            return updated
          })
          return row ? keyFromRow(row) : null
        },
      )
    },

    async roll(command: RollKeyCommand) {
      const now = command.now.toISOString()
      let replacementName = ''
      return mapNameConflict(
        activeNameIndex,
        () => replacementName,
        () =>
          client.transaction(async (tx) => {
            const [locked] = await tx.query<ApiKeyRow & { name_released: boolean }>(
              `SELECT ${KEY_COLUMNS}, name_released FROM ${table} WHERE id = $1 AND subject = $2 AND subject_kind = $3 FOR UPDATE`,
              [command.id, command.subject, command.subjectKind],
            )
            if (!locked) return null
            const old = keyFromRow(locked)
            const expired = old.expiration !== null && old.expiration <= command.now
            if (old.revokedAt !== null || expired || locked.name_released) throw notRollableError()
            const record = command.replacement(old)
            replacementName = record.name
            const [previous] = await tx.query<ApiKeyRow>(
              `UPDATE ${table} SET
               expiration = CASE WHEN expiration IS NOT NULL AND expiration < $2::timestamptz THEN expiration
                                 ELSE $2::timestamptz END,
               name_released = true,
               replaced_by = $4::text,
               updated_at = $3::timestamptz
             WHERE id = $1
             RETURNING ${KEY_COLUMNS}`,
              [command.id, command.graceEnd.toISOString(), now, record.id],
            )
            const inserted = await insertKey(tx, sql, record, command.now)
            const [replacement] = await tx.query<ApiKeyRow>(
              `UPDATE ${table} SET rolled_from = $2::text WHERE id = $1 RETURNING ${KEY_COLUMNS}`,
              [inserted.id, command.id],
            )
            if (!previous || !replacement) throw new Error('The locked key vanished during the roll.')
            return { previous: keyFromRow(previous), replacement: keyFromRow(replacement) }
          }),
      )
    },

    async touchLastUsed({ id, now, staleAt }) {
      const rows = await client.query<{ id: string }>(
        `UPDATE ${table} SET last_used_at = $2::timestamptz
         WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $3::timestamptz)
         RETURNING id`,
        [id, now.toISOString(), staleAt.toISOString()],
      )
      return rows.length > 0
    },

    close() {
      return client.close()
    },
  }
}
