'use client'
import type { ApiKeysError } from '../core/errors'
import type { APIKeyResource } from '../core/types'
import type { ListParams } from './list-setup'
import { useInfiniteAPIKeys } from './use-infinite-api-keys'
import { usePagedAPIKeys } from './use-paged-api-keys'

/** Options of {@link useAPIKeys}, as in Clerk's hook, plus a status filter. */
export interface UseAPIKeysParams extends ListParams {
  /** Keep showing the previous page while the next one loads (default false). */
  keepPreviousData?: boolean
  /** Append each new page to the ones already loaded, for "load more" lists (default false). */
  infinite?: boolean
}

/** What {@link useAPIKeys} returns: Clerk's paginated shape. */
export interface UseAPIKeysResult {
  /** The keys of the current page (in infinite mode: of every page loaded so far). */
  data: APIKeyResource[]
  /** How many keys match in all. */
  count: number
  /** The current page (in infinite mode: how many pages are loaded). */
  page: number
  pageCount: number
  /** True while the first answer is awaited. */
  isLoading: boolean
  /** True whenever a request is in flight, including background refreshes. */
  isFetching: boolean
  isError: boolean
  error: ApiKeysError | null
  /** Goes to a page (a number, or a function of the current page). */
  fetchPage: (page: number | ((current: number) => number)) => void
  fetchNext: () => void
  fetchPrevious: () => void
  hasNextPage: boolean
  hasPreviousPage: boolean
  /** Refreshes every page and query of this subject, and no other subject's. */
  revalidate: () => Promise<void>
}

/**
 * A subject's keys, a page at a time, in Clerk's shape. Many components asking the same page share
 * one request; the cache is keyed by the resolved subject. Both modes are kept ready so `infinite`
 * may change; only the active one fetches.
 */
export function useAPIKeys(params: UseAPIKeysParams = {}): UseAPIKeysResult {
  const infinite = params.infinite ?? false
  const enabled = params.enabled ?? true
  const paged = usePagedAPIKeys({ ...params, enabled: enabled && !infinite })
  const appended = useInfiniteAPIKeys({ ...params, enabled: enabled && infinite })
  return infinite ? appended : paged
}
