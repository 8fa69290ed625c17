import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { APIKeyResource } from '../core/types'
import { cachedPages, type CachedList } from './cache-updates'

/**
 * The key with `id` in any cached list under `queryKey` (a subject's pages, infinite lists, whole
 * lists), or undefined. When several lists hold it, the most recently updated copy wins, so a list
 * that is refetched later than another never shows an older name or status.
 */
export function findCachedKey(queryClient: QueryClient, queryKey: QueryKey, id: string): APIKeyResource | undefined {
  let found: APIKeyResource | undefined
  for (const [, data] of queryClient.getQueriesData<CachedList>({ queryKey })) {
    for (const page of cachedPages(data)) {
      for (const key of page.data) {
        if (key.id === id && (found === undefined || key.updatedAt > found.updatedAt)) found = key
      }
    }
  }
  return found
}
