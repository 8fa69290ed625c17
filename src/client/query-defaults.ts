import { isApiKeysError } from '../core/errors'

/** How long a fetched list counts as fresh: 60 seconds, as in Clerk's hook. */
export const LIST_STALE_TIME_MS = 60_000

/**
 * Retries a list once, and only when the failure may pass by itself (network, server): a refusal
 * (forbidden, not found, invalid input) would only be refused again.
 */
export function retryTransient(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false
  return !isApiKeysError(error) || error.code === 'network' || error.code === 'unknown'
}
