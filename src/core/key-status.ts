import type { APIKeyResource, APIKeyStatusFilter } from './types'

/** What a key is at a given moment, for display. */
export type APIKeyStatus = 'active' | 'expiring-soon' | 'expired' | 'revoked'

/** A key with less than this much time left counts as "expiring soon" (7 days). */
export const EXPIRES_SOON_MS = 7 * 24 * 60 * 60 * 1000

type StatusInput = Pick<APIKeyResource, 'revoked' | 'expiration'> & Partial<Pick<APIKeyResource, 'expired'>>

/** Whether the key has passed its expiration at `now` (milliseconds since the epoch). */
export function isExpiredAt(key: Pick<APIKeyResource, 'expiration'>, now: number = Date.now()): boolean {
  return key.expiration !== null && key.expiration.getTime() <= now
}

/**
 * The status of a key at `now`: revoked wins over expired, and under 7 days left is "expiring soon".
 * A key the backend already answered as `expired` stays expired, whatever a slower clock says.
 */
export function getKeyStatus(key: StatusInput, now: number = Date.now()): APIKeyStatus {
  if (key.revoked) return 'revoked'
  if (key.expired) return 'expired'
  if (key.expiration === null) return 'active'
  const left = key.expiration.getTime() - now
  if (left <= 0) return 'expired'
  return left < EXPIRES_SOON_MS ? 'expiring-soon' : 'active'
}

/** Whether a key with this status still authenticates requests. */
export function isUsableStatus(status: APIKeyStatus): boolean {
  return status === 'active' || status === 'expiring-soon'
}

/**
 * Whether a key passes a list's status filter at `now`: `active` includes keys that expire soon;
 * no filter lets every key through. For backends that cannot filter by status themselves.
 */
export function matchesStatusFilter(
  key: StatusInput,
  status: APIKeyStatusFilter | undefined,
  now: number = Date.now(),
): boolean {
  if (status === undefined) return true
  const current = getKeyStatus(key, now)
  return status === 'active' ? isUsableStatus(current) : current === status
}
