import { isExpiredAt } from '../../core/key-status'
import type { APIKeyResource } from '../../core/types'
import type { StoredApiKey } from '../stores/types'

/** The kind of credential the service issues, as `APIKeyResource.type`. */
const API_KEY_TYPE = 'api_key'

/** A copy of a date: a row the verify cache holds is answered many times, and a Date can be changed in place. */
const copyOf = (date: Date): Date => new Date(date.getTime())
const copyOrNull = (date: Date | null): Date | null => (date === null ? null : copyOf(date))

/**
 * A stored key as the kit's `APIKeyResource`, with `expired` judged at `now`. Its dates and scopes
 * are the answer's own, so what one caller does with them never reaches the row or the next answer.
 */
export function toResource(key: StoredApiKey, now: number): APIKeyResource {
  const resource: APIKeyResource = {
    id: key.id,
    type: API_KEY_TYPE,
    name: key.name,
    subject: key.subject,
    description: key.description,
    claims: key.claims,
    scopes: [...key.scopes],
    createdAt: copyOf(key.createdAt),
    createdBy: key.createdBy,
    updatedAt: copyOf(key.updatedAt),
    expiration: copyOrNull(key.expiration),
    expired: isExpiredAt(key, now),
    revoked: key.revokedAt !== null,
    revokedAt: copyOrNull(key.revokedAt),
    revocationReason: key.revocationReason,
    lastUsedAt: copyOrNull(key.lastUsedAt),
    prefix: key.prefix,
    lastFour: key.lastFour,
  }
  // Optional fields are present only when set. Assigned, not spread in: verify answers hot keys with
  // this, and every spread made a throwaway object for the garbage collector.
  if (key.subjectKind !== null) resource.subjectKind = key.subjectKind
  if (key.revokedBy !== undefined) resource.revokedBy = key.revokedBy
  if (key.rolledFrom !== undefined) resource.rolledFrom = key.rolledFrom
  if (key.replacedBy !== undefined) resource.replacedBy = key.replacedBy
  return resource
}
