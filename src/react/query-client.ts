import { QueryClient } from '@tanstack/react-query'
import { isApiKeysError } from '../core/errors'

/** How long a fetched list counts as fresh: 60 seconds, as in Clerk's hook. */
export const LIST_STALE_TIME_MS = 60_000

/** Retries a list once, only when the failure may pass by itself (network, server). */
function retryTransient(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false
  return !isApiKeysError(error) || error.code === 'network' || error.code === 'unknown'
}

/** The QueryClient the Provider makes when the app does not pass its own. */
export function createKitQueryClient(): QueryClient {
  // No mutation defaults: each change sets its own (never retried); its mutation caches no secret.
  return new QueryClient({
    defaultOptions: { queries: { staleTime: LIST_STALE_TIME_MS, retry: retryTransient, retryDelay: 400, refetchOnWindowFocus: false } },
  })
}
