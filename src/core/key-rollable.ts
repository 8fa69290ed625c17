import { getKeyStatus, isUsableStatus } from './key-status'
import type { APIKeyResource } from './types'

/**
 * Whether a key can be rolled at `now`: it still works and was not rolled already (a rolled key
 * names its replacement in `replacedBy` and only waits to expire; it can still be revoked).
 */
export function isRollable(
  key: Pick<APIKeyResource, 'revoked' | 'expired' | 'expiration' | 'replacedBy'>,
  now: number = Date.now(),
): boolean {
  return key.replacedBy === undefined && isUsableStatus(getKeyStatus(key, now))
}

/**
 * Whether a rolled key still works until its grace period ends: it can be revoked now, not rolled
 * again, and it stops by itself at its expiration.
 */
export function isRollingOver(
  key: Pick<APIKeyResource, 'revoked' | 'expired' | 'expiration' | 'replacedBy'>,
  now: number = Date.now(),
): boolean {
  return key.replacedBy !== undefined && key.expiration !== null && isUsableStatus(getKeyStatus(key, now))
}
