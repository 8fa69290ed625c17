import { QueryClient } from '@tanstack/react-query'
import { LIST_STALE_TIME_MS, retryTransient } from '../client/query-defaults'

/** The QueryClient the Provider makes when the app does not pass its own. */
export function createKitQueryClient(): QueryClient {
  // No mutation defaults: each change sets its own (never retried); its mutation caches no secret.
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: LIST_STALE_TIME_MS, retry: retryTransient, retryDelay: 400, refetchOnWindowFocus: false },
    },
  })
}
