'use client'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { HygieneFilter } from '../core/key-hygiene'
import type { ApiKeysError } from '../core/errors'
import type { APIKeysPage, APIKeyStatusFilter } from '../core/types'
import { supportsOf } from '../client/key-actions'
import { fetchPage } from '../client/list-query'
import { LIST_STALE_TIME_MS } from '../client/query-defaults'
import { pageKey, type ListFilter } from '../client/query-keys'
import { useListSetup } from './list-setup'

/** What {@link useHygieneCounts} is asked for. */
export interface HygieneCountsParams {
  /** Whose keys: defaults to the active organization, then the signed-in user. */
  subject?: string
  /** Count only the keys this search finds, as the list shows them (default: every key). */
  query?: string
  /** Count only the keys of this status, as the list shows them (default: every status). */
  status?: APIKeyStatusFilter
  /** Set false to wait (default true). */
  enabled?: boolean
}

/** One page of one key is enough: only its `totalCount` is read. */
const countFilter = (hygiene: HygieneFilter, query: string, status: APIKeyStatusFilter | undefined): ListFilter => ({
  query,
  status,
  pageSize: 1,
  hygiene,
})

/** The counts of every key's findings, and why they could not be had. */
export interface HygieneCounts {
  /** Undefined while either count is loading or failed, and always when the fetcher cannot filter by hygiene. */
  counts: Record<HygieneFilter, number> | undefined
  /** The failure of either count, to be shown (a backend that refuses `hygiene` says so here). */
  error: ApiKeysError | null
}

/**
 * How many of the subject's keys have each hygiene finding, over every key the search and status
 * let through (not one page): the backend's `totalCount` of a one-key page narrowed to each finding,
 * so a count is what its finding shows when picked under that search. A new search keeps the last
 * counts until its own arrive, as the list keeps its rows. When the fetcher cannot filter by hygiene
 * (`supports.hygiene`), nothing is asked and its caller counts the keys it has loaded.
 *
 * The counts are pages of the subject's list (`pageKey`), so the refresh every create, revoke, roll
 * and update triggers for the subject's lists refreshes them too.
 */
export function useHygieneCounts(params: HygieneCountsParams = {}): HygieneCounts {
  const { fetcher, queryClient, userId, target, enabled } = useListSetup({
    subject: params.subject,
    enabled: params.enabled,
  })
  const supported = supportsOf(fetcher).hygiene
  const countOf = (hygiene: HygieneFilter) => {
    const filter = countFilter(hygiene, params.query ?? '', params.status)
    return {
      queryKey: pageKey(userId, target.subject, filter, 1),
      queryFn: ({ signal }: { signal: AbortSignal }): Promise<APIKeysPage> =>
        fetchPage(fetcher, target, filter, 1, signal),
      enabled: enabled && supported,
      staleTime: LIST_STALE_TIME_MS,
      placeholderData: keepPreviousData,
    }
  }
  // Two queries, not useQueries: its observer would be code more in the manager's first paint.
  const expiring = useQuery<APIKeysPage, ApiKeysError>(countOf('expiring-this-week'), queryClient)
  const unused = useQuery<APIKeysPage, ApiKeysError>(countOf('unused'), queryClient)
  if (!supported) return { counts: undefined, error: null }
  return {
    counts:
      expiring.data === undefined || unused.data === undefined
        ? undefined
        : { 'expiring-this-week': expiring.data.totalCount, unused: unused.data.totalCount },
    error: expiring.error ?? unused.error ?? null,
  }
}
