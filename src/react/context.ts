'use client'
import { createContext, useContext } from 'react'
import { ApiKeysError } from '../core/errors'
import type { ApiKeysContextValue } from '../client/client-context'

export const ApiKeysContext = createContext<ApiKeysContextValue | null>(null)

/** The Provider's value; throws a clear error when a hook is used outside `<APIKeysProvider>`. */
export function useApiKeysContext(): ApiKeysContextValue {
  const value = useContext(ApiKeysContext)
  if (!value) throw new ApiKeysError('unknown', 'react-api-keys: wrap your app in <APIKeysProvider>.')
  return value
}
