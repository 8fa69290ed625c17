'use client'
import {
  isServer,
  keepPreviousData as keepPrevious,
  useQuery,
  type QueryClient,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiKeysError } from '../core/errors'
import type { APIKeyResource, APIKeysPage } from '../core/types'
import { useListSetup, type InternalListParams } from './list-setup'
import { fetchPage } from '../client/list-query'
import { LIST_STALE_TIME_MS } from '../client/query-defaults'
import { useRenderOnArrival } from './render-on-arrival'
import { pageKey } from '../client/query-keys'
import type { UseAPIKeysResult } from './use-api-keys'

const NO_KEYS: APIKeyResource[] = []

/** How often TanStack's retryer retries in a browser when no `retry` is set anywhere. */
const TANSTACK_DEFAULT_RETRY = 3

/**
 * The retry the observer will use for this query: the QueryClient's default, else TanStack's own.
 * A prefetch is not retried unless told (`prefetchQuery` sets `retry: false`), and a prefetch that failed
 * without the observer's retries would leave an error the observer fetches again on mount: one
 * request more, and a failure shown sooner than the app's QueryClient says.
 */
function observerRetry(
  queryClient: QueryClient,
  queryKey: QueryKey,
): UseQueryOptions<APIKeysPage, ApiKeysError>['retry'] {
  return queryClient.defaultQueryOptions<APIKeysPage, ApiKeysError>({ queryKey }).retry ?? TANSTACK_DEFAULT_RETRY
}

/** A page number as the list uses it: a whole number from 1 (anything else, such as NaN from a URL, is 1). */
const toPage = (value: number): number => Math.max(1, Math.floor(value) || 1)

/** What the paged list takes: a list's parameters, and optionally a page the caller controls. */
export interface PagedListParams extends InternalListParams {
  keepPreviousData?: boolean
  /** The page to show, when the caller keeps it (in the URL, say); leave out to let the list keep it. */
  page?: number
  /** Called with each new page: after a move (Previous, Next), and when a new filter or fewer pages move the list. */
  onPageChange?: (page: number) => void
}

/**
 * One page at a time: `useAPIKeys` without infinite mode (what the manager uses, so an app that only
 * pages does not ship infinite loading). A new search or filter goes back to the first page.
 */
export function usePagedAPIKeys(params: PagedListParams): UseAPIKeysResult {
  const { fetcher, queryClient, userId, target, filter, initialPage, enabled, revalidate } = useListSetup(params)
  const { page: pageProp, onPageChange } = params
  const controlled = pageProp !== undefined

  // The page belongs to the filter it was chosen under: a new search or filter starts over.
  const [chosen, setChosen] = useState({ page: pageProp === undefined ? initialPage : toPage(pageProp), filter })
  // A page from the caller counts for the filter of the render that brought it.
  const [callerPage, setCallerPage] = useState(pageProp)
  if (controlled && pageProp !== callerPage) {
    setCallerPage(pageProp)
    setChosen({ page: toPage(pageProp), filter })
  }
  const page = chosen.filter === filter ? chosen.page : initialPage

  // Every move is reported once, including those the list makes by itself (a new filter, fewer pages).
  const reported = useRef(page)
  useEffect(() => {
    const known = controlled ? pageProp : reported.current
    reported.current = page
    if (page !== known) onPageChange?.(page)
  }, [controlled, page, pageProp, onPageChange])

  const options = {
    queryKey: pageKey(userId, target.subject, filter, page),
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchPage(fetcher, target, filter, page, signal),
    enabled,
    staleTime: LIST_STALE_TIME_MS,
    placeholderData: params.keepPreviousData ? keepPrevious : undefined,
  }
  // In a browser the request starts here, in render, not when the observer subscribes after the first
  // paint: a fast backend's keys reach the first frame, and a slow one's request leaves a frame sooner.
  // This is TanStack's usePrefetchQuery, written out because that hook cannot be skipped while the list
  // is disabled or on the server. The observer joins this request rather than sending another.
  // prefetchQuery, not query(): every 5.x has it and it swallows the error itself (recent releases add
  // query() and deprecate prefetchQuery, but the peer range starts at 5.0, where query() does not exist).
  // A list whose page is not there yet re-renders the moment it arrives (see useRenderOnArrival).
  const renderOnArrival = useRenderOnArrival()
  const pending = queryClient.getQueryState(options.queryKey)?.status ?? 'pending'
  if (enabled && !isServer && pending === 'pending') {
    const { queryKey, queryFn, staleTime } = options
    renderOnArrival(queryClient, queryKey, () =>
      queryClient.prefetchQuery({ queryKey, queryFn, staleTime, retry: observerRetry(queryClient, queryKey) }),
    )
  }
  const query = useQuery<APIKeysPage, ApiKeysError>(options, queryClient)
  const count = query.data?.totalCount ?? 0
  const pageCount = Math.ceil(count / filter.pageSize)

  // After keys disappear from the end (a revoke under a status filter, say), move to the last page
  // that still has keys. Set during render, as React advises for state derived from new data.
  if (query.data !== undefined && !query.isPlaceholderData && page > 1 && page > pageCount) {
    setChosen({ page: Math.max(1, pageCount), filter })
  }

  const fetchPageOf = useCallback(
    (next: number | ((current: number) => number)) => {
      const wanted = toPage(typeof next === 'function' ? next(page) : next)
      // A controlling caller decides: the page changes when it passes the new one back.
      if (controlled) onPageChange?.(wanted)
      else setChosen({ page: wanted, filter })
    },
    [page, filter, controlled, onPageChange],
  )

  return {
    data: query.data?.data ?? NO_KEYS,
    count,
    page,
    pageCount,
    isLoading: query.isLoading,
    isFetching: query.isFetching,
    isError: query.isError,
    error: query.error,
    fetchPage: fetchPageOf,
    fetchNext: useCallback(() => fetchPageOf((current) => current + 1), [fetchPageOf]),
    fetchPrevious: useCallback(() => fetchPageOf((current) => current - 1), [fetchPageOf]),
    hasNextPage: page < pageCount,
    hasPreviousPage: page > 1,
    revalidate,
  }
}
