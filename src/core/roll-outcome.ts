import type { APIKeyResource } from './types'

/** What a roll does to the times of the old key and of its replacement. */
export interface RollOutcome {
  /** When the old secret stops working: at the end of the grace period, or earlier if it expires first. */
  oldStopsAt: Date
  /** When the replacement expires: it gets the old key's lifetime again, from now; null for never. */
  replacementExpiresAt: Date | null
}

/** The times a roll with `gracePeriodSeconds` sets, rolled at `now` (ms). */
export function rollOutcome(
  old: Pick<APIKeyResource, 'createdAt' | 'expiration'>,
  gracePeriodSeconds: number,
  now: number,
): RollOutcome {
  const graceEnd = new Date(now + gracePeriodSeconds * 1000)
  const lifetime = old.expiration === null ? null : old.expiration.getTime() - old.createdAt.getTime()
  return {
    oldStopsAt: old.expiration !== null && old.expiration < graceEnd ? old.expiration : graceEnd,
    replacementExpiresAt: lifetime === null ? null : new Date(now + lifetime),
  }
}
