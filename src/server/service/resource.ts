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
  return {
    id: key.id,
    type: API_KEY_TYPE,
    name: key.name,
    subject: key.subject,
    ...(key.subjectKind === null ? {} : { subjectKind: key.subjectKind }),
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
    ...(key.revokedBy === undefined ? {} : { revokedBy: key.revokedBy }),
    lastUsedAt: copyOrNull(key.lastUsedAt),
    prefix: key.prefix,
    lastFour: key.lastFour,
    ...rotationLinksOf(key),
  }
}

/** The ids a roll linked this key to (`rolledFrom`, `replacedBy`), only those that are set. */
function rotationLinksOf(key: Pick<APIKeyResource, 'rolledFrom' | 'replacedBy'>): {
  rolledFrom?: string
  replacedBy?: string
} {
  return {
    ...(key.rolledFrom === undefined ? {} : { rolledFrom: key.rolledFrom }),
    ...(key.replacedBy === undefined ? {} : { replacedBy: key.replacedBy }),
  }
}
