import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { render, renderHook, waitFor } from '@testing-library/react'
import { Suspense } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { APIKeysProvider, createMemoryFetcher, useAPIKeys, useApiKeys } from '../../src/index'
import { USER, seedKeys, testQueryClient } from '../helpers/kit'

const BOB = 'user_bob'

describe('APIKeysProvider', () => {
  it('drops the previous user’s cached keys when the user changes', async () => {
    const memory = createMemoryFetcher({ seed: [...seedKeys(USER, 2, 'Alice'), ...seedKeys(BOB, 1, 'Bob')] })
    const queryClient = testQueryClient()
    let currentUser: string | null = USER
    const { result, rerender } = renderHook(() => useAPIKeys(), {
      wrapper: ({ children }) => (
        <APIKeysProvider fetcher={memory} userId={currentUser} queryClient={queryClient}>
          {children}
        </APIKeysProvider>
      ),
    })
    await waitFor(() => expect(result.current.count).toBe(2))
    currentUser = BOB
    rerender()
    await waitFor(() => expect(result.current.data.map((key) => key.name)).toEqual(['Bob 1']))
    currentUser = null
    rerender()
    expect(result.current.data).toEqual([])
    // Back to the first user: nothing of theirs was kept, so the keys are asked for again.
    const before = memory.calls.list
    currentUser = USER
    rerender()
    expect(result.current.isLoading).toBe(true)
    await waitFor(() => expect(result.current.count).toBe(2))
    expect(memory.calls.list).toBe(before + 1)
  })

  it('never disturbs the app’s own QueryClientProvider', async () => {
    const appClient = new QueryClient()
    const memory = createMemoryFetcher({ seed: seedKeys(USER, 1) })
    function Probe() {
      const client = useQueryClient()
      const { count } = useAPIKeys()
      return <p>{client === appClient ? `app client, ${count} key` : 'wrong client'}</p>
    }
    render(
      <QueryClientProvider client={appClient}>
        <APIKeysProvider fetcher={memory} userId={USER}>
          <Probe />
        </APIKeysProvider>
      </QueryClientProvider>,
    )
    await waitFor(() => expect(document.body.textContent).toBe('app client, 1 key'))
    expect(appClient.getQueryCache().getAll()).toHaveLength(0)
  })

  it('shares the app’s QueryClient when given one', async () => {
    const appClient = testQueryClient()
    const memory = createMemoryFetcher({ seed: seedKeys(USER, 1) })
    const { result } = renderHook(() => useAPIKeys(), {
      wrapper: ({ children }) => (
        <APIKeysProvider fetcher={memory} userId={USER} queryClient={appClient}>
          {children}
        </APIKeysProvider>
      ),
    })
    await waitFor(() => expect(result.current.count).toBe(1))
    expect(appClient.getQueryCache().getAll().length).toBeGreaterThan(0)
  })

  it('tells the developer to add the Provider when it is missing', () => {
    expect(() => renderHook(() => useAPIKeys())).toThrow(/APIKeysProvider/)
  })

  it('renders on the server with react-dom/server without throwing', () => {
    const memory = createMemoryFetcher({ seed: seedKeys(USER, 1) })
    function Paged() {
      const { isLoading, count } = useAPIKeys()
      return <p>{isLoading ? 'Loading' : `${count}`}</p>
    }
    function Stacked() {
      return <p>{useApiKeys().length}</p>
    }
    const html = renderToString(
      <APIKeysProvider fetcher={memory} userId={USER}>
        <Paged />
        <Suspense fallback={<p>Waiting</p>}>
          <Stacked />
        </Suspense>
      </APIKeysProvider>,
    )
    expect(html).toContain('Loading')
    expect(html).toContain('Waiting')
  })
})
