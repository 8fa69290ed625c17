import { isExpiredAt } from '../../core/key-status'
import type { APIKeyResource } from '../../core/types'
import type { StoredApiKey } from '../stores/types'

/** The kind of credential the service issues, as `APIKeyResource.type`. */
const API_KEY_TYPE = 'api_key'

/** A stored key as the kit's `APIKeyResource`, with `expired` judged at `now`. */
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
    createdAt: key.createdAt,
    createdBy: key.createdBy,
    updatedAt: key.updatedAt,
    expiration: key.expiration,
    expired: isExpiredAt(key, now),
    revoked: key.revokedAt !== null,
    revokedAt: key.revokedAt,
    revocationReason: key.revocationReason,
    ...(key.revokedBy === undefined ? {} : { revokedBy: key.revokedBy }),
    lastUsedAt: key.lastUsedAt,
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
