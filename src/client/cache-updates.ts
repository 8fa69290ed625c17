import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query'
import type { APIKeyResource, APIKeysPage } from '../core/types'

/** What the kit caches under a subject's key: a page, an infinite list, or a whole list (one page). */
export type CachedList = APIKeysPage | InfiniteData<APIKeysPage, number>

function isInfinite(data: CachedList): data is InfiniteData<APIKeysPage, number> {
  return 'pages' in data
}

/** The pages of a cached list: the page itself, or an infinite list's pages. */
export function cachedPages(data: CachedList | undefined): APIKeysPage[] {
  if (data === undefined) return []
  return isInfinite(data) ? data.pages : [data]
}

/** Applies `change` to every key in a cached list (a page, an infinite list, or a whole list). */
function mapCachedKeys(
  data: CachedList | undefined,
  change: (key: APIKeyResource) => APIKeyResource,
): CachedList | undefined {
  if (data === undefined) return undefined
  const mapPage = (page: APIKeysPage): APIKeysPage => ({ ...page, data: page.data.map(change) })
  return isInfinite(data) ? { ...data, pages: data.pages.map(mapPage) } : mapPage(data)
}

/**
 * Refreshes every list under `queryKey` after a change. In-flight fetches are cancelled first: a
 * list request that left before the change would otherwise be reused by the refetch (TanStack Query
 * dedupes onto it while a query has no data yet) and its answer would miss the change.
 *
 * `changed` are keys as the backend answered them (a renamed key, a rolled key's old half): they are
 * shown in the cached lists at once, so a row never shows an action its key no longer offers while
 * the refetch is on its way (a button that vanishes later would take the user's focus with it).
 */
export async function refreshLists(
  queryClient: QueryClient,
  queryKey: QueryKey,
  changed: readonly APIKeyResource[] = [],
): Promise<void> {
  await queryClient.cancelQueries({ queryKey })
  if (changed.length > 0) {
    const byId = new Map(changed.map((key) => [key.id, key]))
    queryClient.setQueriesData<CachedList>({ queryKey }, (data) =>
      mapCachedKeys(data, (key) => byId.get(key.id) ?? key),
    )
  }
  await queryClient.invalidateQueries({ queryKey })
}

/**
 * Marks a key revoked in every cached list under `queryKey` at once, and returns a function that
 * puts the lists back as they were (for when the backend refuses).
 */
export async function revokeOptimistically(
  queryClient: QueryClient,
  queryKey: QueryKey,
  apiKeyId: string,
  revocationReason: string | null,
): Promise<() => void> {
  await queryClient.cancelQueries({ queryKey })
  const before = queryClient.getQueriesData<CachedList>({ queryKey })
  const at = new Date()
  queryClient.setQueriesData<CachedList>({ queryKey }, (data) =>
    mapCachedKeys(data, (key) =>
      key.id === apiKeyId && !key.revoked
        ? { ...key, revoked: true, revokedAt: at, revocationReason, updatedAt: at }
        : key,
    ),
  )
  return () => {
    for (const [key, data] of before) queryClient.setQueryData(key, data)
  }
}
