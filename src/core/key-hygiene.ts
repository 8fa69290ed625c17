import { getKeyStatus, isUsableStatus } from './key-status'
import type { APIKeyResource } from './types'

/** A key unused for this long (90 days) is worth a look: never used since it was made, or not since then. */
export const UNUSED_AFTER_MS = 90 * 24 * 60 * 60 * 1000

/** The hygiene findings a list can be narrowed to, as a backend receives them (`hygiene=unused`). */
export const HYGIENE_FILTERS = ['expiring-this-week', 'unused'] as const

/** A hygiene finding a list can be narrowed to. */
export type HygieneFilter = (typeof HYGIENE_FILTERS)[number]

/** The fields a hygiene rule reads. */
export type HygieneInput = Pick<
  APIKeyResource,
  'revoked' | 'expired' | 'expiration' | 'createdAt' | 'lastUsedAt' | 'replacedBy'
>

/**
 * Whether a key still deserves attention at all: it works and it is not on its way out already. A
 * revoked or expired key needs nothing, and a rolled key (`replacedBy`) expires by design.
 */
function needsCare(key: HygieneInput, now: number): boolean {
  return key.replacedBy === undefined && isUsableStatus(getKeyStatus(key, now))
}

/** Whether a working key stops working within the next 7 days (the "expires soon" status). */
export function expiresThisWeek(key: HygieneInput, now: number): boolean {
  return needsCare(key, now) && getKeyStatus(key, now) === 'expiring-soon'
}

/**
 * Whether a working key has gone unused for 90 days: never used and made more than 90 days ago, or
 * last used more than 90 days ago.
 */
export function unusedFor90Days(key: HygieneInput, now: number): boolean {
  const since = key.lastUsedAt ?? key.createdAt
  return needsCare(key, now) && now - since.getTime() > UNUSED_AFTER_MS
}

/** Whether `key` has the finding `filter`. */
export function matchesHygiene(key: HygieneInput, filter: HygieneFilter, now: number): boolean {
  return filter === 'unused' ? unusedFor90Days(key, now) : expiresThisWeek(key, now)
}

/** How many of `keys` have each finding at `now`. */
export function hygieneCounts(keys: readonly HygieneInput[], now: number): Record<HygieneFilter, number> {
  let expiring = 0
  let unused = 0
  for (const key of keys) {
    if (expiresThisWeek(key, now)) expiring++
    if (unusedFor90Days(key, now)) unused++
  }
  return { 'expiring-this-week': expiring, unused }
}
