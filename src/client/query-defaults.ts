import { isApiKeysError, type ApiKeysErrorCode } from '../core/errors'

/** How long a fetched list counts as fresh: 60 seconds, as in Clerk's hook. */
export const LIST_STALE_TIME_MS = 60_000

/** The codes of failures that may pass by themselves; any other (a refusal) would only be refused again. */
const TRANSIENT_CODES: ReadonlySet<ApiKeysErrorCode> = new Set(['network', 'unavailable', 'unknown'])

/** Retries a list once, and only when the failure may pass by itself (network, server). */
export function retryTransient(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false
  return !isApiKeysError(error) || TRANSIENT_CODES.has(error.code)
}
