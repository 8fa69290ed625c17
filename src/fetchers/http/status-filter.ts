import { getKeyStatus } from '../../core/key-status'
import type { APIKeyResource, APIKeyStatusFilter } from '../../core/types'

/**
 * Whether a key passes a list's status filter at `now`, for backends that cannot filter by status
 * themselves: `active` includes keys that expire soon; undefined lets every key through.
 */
export function hasStatus(key: APIKeyResource, status: APIKeyStatusFilter | undefined, now: number): boolean {
  if (status === undefined) return true
  const current = getKeyStatus(key, now)
  return status === 'active' ? current === 'active' || current === 'expiring-soon' : current === status
}
