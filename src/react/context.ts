'use client'
import { createContext, useContext } from 'react'
import type { ApiKeysContextValue } from '../client/client-context'

/** Carries the Provider's fetcher, QueryClient and subject to the hooks below it. */
export const ApiKeysContext = createContext<ApiKeysContextValue | null>(null)

/**
 * The Provider's value. A hook used outside `<APIKeysProvider>` is a programmer's error, not a
 * failed request: it throws a plain `Error`, as TanStack Query does without its QueryClientProvider.
 */
export function useApiKeysContext(): ApiKeysContextValue {
  const value = useContext(ApiKeysContext)
  if (!value) throw new Error('react-api-keys: no APIKeysProvider set, use <APIKeysProvider> to set one')
  return value
}
