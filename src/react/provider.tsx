'use client'
import type { QueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { ApiKeysFetcher } from '../core/fetcher'
import type { TeamInfo } from '../core/types'
import type { LocalizationOverrides } from '../i18n/messages'
import type { ApiKeysContextValue } from '../client/client-context'
import { ApiKeysContext } from './context'
import type { KeyMutationCallbacks } from '../client/key-mutation'
import { createKitQueryClient } from './query-client'
import { userKey } from '../client/query-keys'

/** Props of {@link APIKeysProvider}. */
export interface APIKeysProviderProps extends KeyMutationCallbacks {
  /** The backend: `createMemoryFetcher()`, a fetcher for your API, or your own. Keep it stable. */
  fetcher: ApiKeysFetcher
  /** The signed-in user, or null when nobody is signed in. Changing it drops the previous user's cache. */
  userId: string | null
  /** The active organization or team; when set, it is the default subject instead of the user. */
  organizationId?: string | null
  /** The teams the user belongs to and their permissions (used by the team components). */
  teams?: readonly TeamInfo[]
  /** Your app's QueryClient, to share one cache (the Provider then makes none); without it the Provider makes its own. */
  queryClient?: QueryClient
  /** Overrides for some or all of the components' strings. */
  localization?: LocalizationOverrides
  /** The BCP 47 locale for dates and numbers (default: the browser's). */
  locale?: string
  children?: ReactNode
}

const NO_TEAMS: readonly TeamInfo[] = []

/**
 * Scopes the kit: every hook and component below it reads keys through `fetcher`, cached in
 * `queryClient` (or one of its own). It never installs a QueryClientProvider, so it cannot disturb
 * the app's own.
 */
export function APIKeysProvider(props: APIKeysProviderProps): ReactNode {
  const { fetcher, userId, organizationId = null, teams = NO_TEAMS, localization, locale, children } = props
  // The kit's own client is made only while the app passes none, once per Provider.
  const [ownClient, setOwnClient] = useState(() => (props.queryClient ? null : createKitQueryClient()))
  const mountedOwnClient = props.queryClient ? null : ownClient
  const queryClient = props.queryClient ?? ownClient

  useEffect(() => {
    if (!mountedOwnClient) return
    mountedOwnClient.mount()
    return () => mountedOwnClient.unmount()
  }, [mountedOwnClient])

  // Callbacks are read when a change settles: an inline function each render re-renders nothing.
  const callbacks = useRef<KeyMutationCallbacks>({})
  const { onMutationSuccess, onMutationError } = props
  useEffect(() => {
    callbacks.current = { onMutationSuccess, onMutationError }
  }, [onMutationSuccess, onMutationError])

  const previousUser = useRef(userId)
  useEffect(() => {
    if (!queryClient || previousUser.current === userId) return
    queryClient.removeQueries({ queryKey: userKey(previousUser.current) })
    previousUser.current = userId
  }, [queryClient, userId])

  const value = useMemo<ApiKeysContextValue | null>(
    () => queryClient && { fetcher, userId, organizationId, teams, queryClient, localization, locale, callbacks },
    [fetcher, userId, organizationId, teams, queryClient, localization, locale],
  )
  if (!value) {
    // The app stopped passing its client: make the kit's own now (React renders again at once).
    setOwnClient(createKitQueryClient())
    return null
  }
  return <ApiKeysContext.Provider value={value}>{children}</ApiKeysContext.Provider>
}
