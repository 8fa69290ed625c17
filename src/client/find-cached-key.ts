import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { APIKeyResource, APIKeysPage } from '../core/types'

/** The pages of a cached list: one page, or an infinite list's pages. */
function pagesOf(data: unknown): APIKeysPage[] {
  if (typeof data !== 'object' || data === null) return []
  if ('pages' in data && Array.isArray(data.pages)) return data.pages as APIKeysPage[]
  return 'data' in data && Array.isArray(data.data) ? [data as APIKeysPage] : []
}

/**
 * The key with `id` in any cached list under `queryKey` (a subject's pages, infinite lists, whole
 * lists), or undefined. When several lists hold it, the most recently updated copy wins, so a list
 * that is refetched later than another never shows an older name or status.
 */
export function findCachedKey(queryClient: QueryClient, queryKey: QueryKey, id: string): APIKeyResource | undefined {
  let found: APIKeyResource | undefined
  for (const [, data] of queryClient.getQueriesData({ queryKey })) {
    for (const page of pagesOf(data)) {
      for (const key of page.data) {
        if (key.id === id && (found === undefined || key.updatedAt > found.updatedAt)) found = key
      }
    }
  }
  return found
}
