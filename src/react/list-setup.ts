'use client'
import { useCallback, useMemo } from 'react'
import type { HygieneFilter } from '../core/key-hygiene'
import type { APIKeyStatusFilter } from '../core/types'
import { resolveSubject, type ApiKeysContextValue, type ResolvedSubject } from '../client/client-context'
import { supportsOf } from '../client/key-actions'
import { useApiKeysContext } from './context'
import { subjectKey, type ListFilter } from '../client/query-keys'

/** What a list hook is asked for. */
export interface ListParams {
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
}

/**
 * What the kit's own lists may also be narrowed by (not part of `useAPIKeys`' options): a hygiene
 * finding, honoured only when the fetcher declares `supports.hygiene`.
 */
export interface InternalListParams extends ListParams {
  /** Only keys with this finding. Dropped for a fetcher without `supports.hygiene`, which never sees it. */
  hygiene?: HygieneFilter
}

/** What both list hooks (paged and infinite) work from. */
export interface ListSetup extends Pick<ApiKeysContextValue, 'fetcher' | 'queryClient' | 'userId'> {
  /** The resolved subject; an empty user subject while nobody is signed in (the query is then disabled). */
  target: ResolvedSubject
  filter: ListFilter
  initialPage: number
  enabled: boolean
  /** Refreshes every page and query of this subject, and no other subject's. */
  revalidate: () => Promise<void>
}

/** Resolves the subject and normalizes the filter, the same way for the paged and the infinite list. */
export function useListSetup(params: InternalListParams): ListSetup {
  const context = useApiKeysContext()
  const { fetcher, queryClient, userId } = context
  const resolved = resolveSubject(context, params.subject)
  const subject = resolved?.subject ?? ''
  const subjectKind = resolved?.subjectKind ?? 'user'
  const target = useMemo(() => ({ subject, subjectKind }), [subject, subjectKind])
  // A backend that cannot filter by hygiene would answer every key as if it were filtered: the caller
  // filters the loaded keys itself instead (the manager does).
  const hygiene = supportsOf(fetcher).hygiene ? params.hygiene : undefined
  const filter: ListFilter = useMemo(
    () => ({
      query: params.query?.trim() ?? '',
      status: params.status,
      pageSize: Math.max(1, params.pageSize ?? 10),
      // Left out when unset, so an unfiltered list keeps the query key it always had.
      ...(hygiene === undefined ? {} : { hygiene }),
    }),
    [params.query, params.status, params.pageSize, hygiene],
  )
  const revalidate = useCallback(
    () => queryClient.invalidateQueries({ queryKey: subjectKey(userId, subject) }),
    [queryClient, userId, subject],
  )
  return {
    fetcher,
    queryClient,
    userId,
    target,
    filter,
    initialPage: Math.max(1, params.initialPage ?? 1),
    enabled: (params.enabled ?? true) && resolved !== null,
    revalidate,
  }
}
