'use client'
import { useInfiniteQuery, type InfiniteData, type QueryKey } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import type { ApiKeysError } from '../core/errors'
import type { APIKeyResource, APIKeysPage } from '../core/types'
import { useListSetup, type ListParams } from './list-setup'
import { fetchPage } from '../client/list-query'
import { LIST_STALE_TIME_MS } from '../client/query-defaults'
import { infiniteKey } from '../client/query-keys'
import type { UseAPIKeysResult } from './use-api-keys'

const NO_KEYS: APIKeyResource[] = []

/** `useAPIKeys` in infinite mode: each next page is appended to the ones already loaded. */
export function useInfiniteAPIKeys(params: ListParams): UseAPIKeysResult {
  const { fetcher, queryClient, userId, target, filter, initialPage, enabled, revalidate } = useListSetup(params)
  const query = useInfiniteQuery<APIKeysPage, ApiKeysError, InfiniteData<APIKeysPage, number>, QueryKey, number>(
    {
      queryKey: infiniteKey(userId, target.subject, filter),
      queryFn: ({ signal, pageParam }) => fetchPage(fetcher, target, filter, pageParam, signal),
      initialPageParam: initialPage,
      getNextPageParam: (last, _all, lastPage) =>
        lastPage * filter.pageSize < last.totalCount ? lastPage + 1 : undefined,
      enabled,
      staleTime: LIST_STALE_TIME_MS,
    },
    queryClient,
  )
  const count = query.data?.pages[0]?.totalCount ?? 0
  const page = initialPage + Math.max(0, (query.data?.pages.length ?? 1) - 1)
  const data = useMemo(() => query.data?.pages.flatMap((one) => one.data) ?? NO_KEYS, [query.data])
  const { fetchNextPage, hasNextPage } = query

  // Only moving forward means something here: later pages are appended as they load.
  const fetchPageOf = useCallback(
    (next: number | ((current: number) => number)) => {
      if ((typeof next === 'function' ? next(page) : next) > page && hasNextPage) void fetchNextPage()
    },
    [page, hasNextPage, fetchNextPage],
  )

  return {
    data,
    count,
    page,
    pageCount: Math.ceil(count / filter.pageSize),
    isLoading: query.isLoading,
    isFetching: query.isFetching,
    isError: query.isError,
    error: query.error,
    fetchPage: fetchPageOf,
    fetchNext: useCallback(() => fetchPageOf(page + 1), [fetchPageOf, page]),
    fetchPrevious: useCallback(() => undefined, []),
    hasNextPage,
    hasPreviousPage: false,
    revalidate,
  }
}
