'use client'
// The client wrapper: what holds functions (a fetcher, the German strings, a QueryClient, callbacks)
// is made here, in a client component, and never crosses from the server.
import { useState, type ReactNode } from 'react'
import { APIKeysProvider, createRestFetcher, deMessages } from 'react-api-keys'

export function ApiKeysProviders({ userId, children }: { userId: string; children: ReactNode }) {
  const [fetcher] = useState(() => createRestFetcher({ baseUrl: '/api' }))
  return (
    <APIKeysProvider fetcher={fetcher} userId={userId} localization={deMessages} locale="de">
      {children}
    </APIKeysProvider>
  )
}
