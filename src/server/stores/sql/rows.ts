import { isSubjectKind, type SubjectKind } from '../../../core/types'
import type { StoredApiKey } from '../types'

/** The columns every query that returns a key selects, in `ApiKeyRow` shape. */
export const KEY_COLUMNS = `id, subject, subject_kind, name, description, claims, scopes, created_at, created_by, updated_at,
  expiration, revoked_at, revocation_reason, last_used_at, prefix, last_four, rolled_from, replaced_by, revoked_by`

/** A row of `KEY_COLUMNS` as the drivers return it (jsonb parsed, timestamptz as Date). */
export interface ApiKeyRow {
  id: string
  subject: string
  /** Null only for a row from before migration 2 that it could not attribute. */
  subject_kind: SubjectKind | null
  name: string
  description: string | null
  claims: Record<string, unknown> | null
  scopes: string[]
  created_at: Date | string
  created_by: string | null
  updated_at: Date | string
  expiration: Date | string | null
  revoked_at: Date | string | null
  revocation_reason: string | null
  last_used_at: Date | string | null
  prefix: string
  last_four: string
  /** Since migration 5: the key this one replaced in a roll, and the key that replaced it. */
  rolled_from: string | null
  replaced_by: string | null
  /** Since migration 6: the user who revoked the key, when the revoke said. */
  revoked_by: string | null
}

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value))
const toDateOrNull = (value: Date | string | null): Date | null => (value === null ? null : toDate(value))

/** A row as a {@link StoredApiKey}. */
export function keyFromRow(row: ApiKeyRow): StoredApiKey {
  return {
    id: row.id,
    subject: row.subject,
    subjectKind: isSubjectKind(row.subject_kind) ? row.subject_kind : null,
    name: row.name,
    description: row.description,
    claims: row.claims,
    scopes: Array.isArray(row.scopes) ? row.scopes : [],
    createdAt: toDate(row.created_at),
    createdBy: row.created_by,
    updatedAt: toDate(row.updated_at),
    expiration: toDateOrNull(row.expiration),
    revokedAt: toDateOrNull(row.revoked_at),
    revocationReason: row.revocation_reason,
    lastUsedAt: toDateOrNull(row.last_used_at),
    prefix: row.prefix,
    lastFour: row.last_four,
    ...(row.rolled_from === null ? {} : { rolledFrom: row.rolled_from }),
    ...(row.replaced_by === null ? {} : { replacedBy: row.replaced_by }),
    ...(row.revoked_by === null ? {} : { revokedBy: row.revoked_by }),
  }
}
