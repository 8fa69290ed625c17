'use client'
import { useQuery } from '@tanstack/react-query'
import type { HygieneFilter } from '../core/key-hygiene'
import type { ApiKeysError } from '../core/errors'
import type { APIKeysPage } from '../core/types'
import { supportsOf } from '../client/key-actions'
import { fetchPage } from '../client/list-query'
import { LIST_STALE_TIME_MS } from '../client/query-defaults'
import { pageKey, type ListFilter } from '../client/query-keys'
import { useListSetup } from './list-setup'

/** What {@link useHygieneCounts} is asked for. */
export interface HygieneCountsParams {
  /** Whose keys: defaults to the active organization, then the signed-in user. */
  subject?: string
  /** Set false to wait (default true). */
  enabled?: boolean
}

/** One page of one key is enough: only its `totalCount` is read. */
const countFilter = (hygiene: HygieneFilter): ListFilter => ({ query: '', status: undefined, pageSize: 1, hygiene })

/** The counts of every key's findings, and why they could not be had. */
export interface HygieneCounts {
  /** Undefined while either count is loading or failed, and always when the fetcher cannot filter by hygiene. */
  counts: Record<HygieneFilter, number> | undefined
  /** The failure of either count, to be shown (a backend that refuses `hygiene` says so here). */
  error: ApiKeysError | null
}

/**
 * How many of the subject's keys have each hygiene finding, over every key (not one page): the
 * backend's `totalCount` of a one-key page narrowed to each finding. When the fetcher cannot filter
 * by hygiene (`supports.hygiene`), nothing is asked and its caller counts the keys it has loaded.
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
    const filter = countFilter(hygiene)
    return {
      queryKey: pageKey(userId, target.subject, filter, 1),
      queryFn: ({ signal }: { signal: AbortSignal }): Promise<APIKeysPage> =>
        fetchPage(fetcher, target, filter, 1, signal),
      enabled: enabled && supported,
      staleTime: LIST_STALE_TIME_MS,
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
