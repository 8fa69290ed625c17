'use client'
import { useCallback, useSyncExternalStore } from 'react'
import { resolveSubject } from '../../client/client-context'
import { findCachedKey } from '../../client/find-cached-key'
import { subjectKey } from '../../client/query-keys'
import type { APIKeyResource } from '../../core/types'
import { useApiKeysContext } from '../../react/context'

/**
 * The key with `id` as the subject's cached lists hold it now, kept current as they change (a
 * rename, a revoke, a refetch), or undefined when no loaded list holds it.
 */
export function useCachedKey(id: string | undefined, subject?: string): APIKeyResource | undefined {
  const context = useApiKeysContext()
  const resolved = resolveSubject(context, subject)
  const owner = resolved?.subject
  const { queryClient, userId } = context
  const subscribe = useCallback(
    (onChange: () => void) => queryClient.getQueryCache().subscribe(onChange),
    [queryClient],
  )
  const read = useCallback(
    () =>
      id === undefined || owner === undefined ? undefined : findCachedKey(queryClient, subjectKey(userId, owner), id),
    [queryClient, userId, owner, id],
  )
  return useSyncExternalStore(subscribe, read, read)
}
