'use client'
import { keepPreviousData as keepPrevious, useInfiniteQuery, useQuery, type InfiniteData, type QueryKey } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import type { ApiKeysError } from '../core/errors'
import type { APIKeyResource, APIKeysPage, APIKeyStatusFilter } from '../core/types'
import { resolveSubject, useApiKeysContext } from './context'
import { fetchPage } from './list-query'
import { LIST_STALE_TIME_MS } from './query-client'
import { apiKeysQueryKeys, type ListFilter } from './query-keys'

/** Options of {@link useAPIKeys}, as in Clerk's hook, plus a status filter. */
export interface UseAPIKeysParams {
  /** Whose keys: defaults to the active organization, then the signed-in user. */
  subject?: string
  /** Case-insensitive search on the name; a new query goes back to the first page. */
  query?: string
  /** Only keys with this status. */
  status?: APIKeyStatusFilter
  /** Keys a page (default 10). */
  pageSize?: number
  /** The page shown first, 1-based (default 1). */
  initialPage?: number
  /** Set false to wait (default true). */
  enabled?: boolean
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

const NO_KEYS: APIKeyResource[] = []

/**
 * A subject's keys, a page at a time, in Clerk's shape. Many components asking the same page share
 * one request; the cache is keyed by the resolved subject.
 */
export function useAPIKeys(params: UseAPIKeysParams = {}): UseAPIKeysResult {
  const context = useApiKeysContext()
  const { fetcher, queryClient, userId } = context
  const target = resolveSubject(context, params.subject)
  const infinite = params.infinite ?? false
  const initialPage = Math.max(1, params.initialPage ?? 1)
  const filter: ListFilter = useMemo(
    () => ({ query: params.query?.trim() ?? '', status: params.status, pageSize: Math.max(1, params.pageSize ?? 10) }),
    [params.query, params.status, params.pageSize],
  )
  const enabled = (params.enabled ?? true) && target !== null

  // The page belongs to the filter it was chosen under: a new search or filter starts over.
  const [chosen, setChosen] = useState({ page: initialPage, filter })
  const page = chosen.filter === filter ? chosen.page : initialPage
  const subjectId = target?.subject ?? ''
  const subjectKind = target?.subjectKind ?? 'user'

  const paged = useQuery<APIKeysPage, ApiKeysError>(
    {
      queryKey: apiKeysQueryKeys.page(userId, subjectId, filter, page),
      queryFn: ({ signal }) => fetchPage(fetcher, { subject: subjectId, subjectKind }, filter, page, signal),
      enabled: enabled && !infinite,
      staleTime: LIST_STALE_TIME_MS,
      placeholderData: params.keepPreviousData ? keepPrevious : undefined,
    },
    queryClient,
  )

  const pages = useInfiniteQuery<APIKeysPage, ApiKeysError, InfiniteData<APIKeysPage, number>, QueryKey, number>(
    {
      queryKey: apiKeysQueryKeys.infinite(userId, subjectId, filter),
      queryFn: ({ signal, pageParam }) => fetchPage(fetcher, { subject: subjectId, subjectKind }, filter, pageParam, signal),
      initialPageParam: initialPage,
      getNextPageParam: (last, _all, lastPage) => (lastPage * filter.pageSize < last.totalCount ? lastPage + 1 : undefined),
      enabled: enabled && infinite,
      staleTime: LIST_STALE_TIME_MS,
    },
    queryClient,
  )

  const active = infinite ? pages : paged
  const count = (infinite ? pages.data?.pages[0]?.totalCount : paged.data?.totalCount) ?? 0
  const pageCount = Math.ceil(count / filter.pageSize)
  const currentPage = infinite ? initialPage + Math.max(0, (pages.data?.pages.length ?? 1) - 1) : page
  const data = useMemo(
    () => (infinite ? (pages.data?.pages.flatMap((one) => one.data) ?? NO_KEYS) : (paged.data?.data ?? NO_KEYS)),
    [infinite, pages.data, paged.data],
  )

  // After keys disappear from the end (a revoke under a status filter, say), move to the last page
  // that still has keys. Set during render, as React advises for state derived from new data.
  const settled = !infinite && paged.data !== undefined && !paged.isPlaceholderData
  if (settled && page > 1 && page > pageCount) setChosen({ page: Math.max(1, pageCount), filter })

  const { fetchNextPage, hasNextPage: moreInfinite } = pages
  const goTo = useCallback(
    (next: number | ((current: number) => number)) => {
      const wanted = typeof next === 'function' ? next(currentPage) : next
      if (infinite) {
        if (wanted > currentPage && moreInfinite) void fetchNextPage()
        return
      }
      setChosen({ page: Math.max(1, Math.floor(wanted)), filter })
    },
    [currentPage, filter, infinite, moreInfinite, fetchNextPage, setChosen],
  )

  const revalidate = useCallback(
    () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKeys.subject(userId, subjectId) }),
    [queryClient, userId, subjectId],
  )

  return {
    data,
    count,
    page: currentPage,
    pageCount,
    isLoading: active.isLoading,
    isFetching: active.isFetching,
    isError: active.isError,
    error: active.error,
    fetchPage: goTo,
    fetchNext: useCallback(() => goTo((current) => current + 1), [goTo]),
    fetchPrevious: useCallback(() => goTo((current) => current - 1), [goTo]),
    hasNextPage: infinite ? moreInfinite : currentPage < pageCount,
    hasPreviousPage: !infinite && currentPage > 1,
    revalidate,
  }
}
