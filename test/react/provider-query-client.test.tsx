import { render, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { APIKeysProvider, createMemoryFetcher, useAPIKeys } from '../../src/index'
import { createKitQueryClient } from '../../src/react/query-client'
import type * as QueryClientModule from '../../src/react/query-client'
import { USER, seedKeys, testQueryClient } from '../helpers/kit'

// Count how often the Provider makes a QueryClient of its own, without changing what it makes.
vi.mock('../../src/react/query-client', async (importOriginal) => {
  const actual = await importOriginal<typeof QueryClientModule>()
  return { ...actual, createKitQueryClient: vi.fn(actual.createKitQueryClient) }
})

function KeyCount() {
  const { count, isLoading } = useAPIKeys()
  return <p>{isLoading ? 'Loading' : `${count} keys`}</p>
}

describe('APIKeysProvider and QueryClients', () => {
  it('makes no QueryClient of its own when the app passes one', async () => {
    vi.mocked(createKitQueryClient).mockClear()
    const memory = createMemoryFetcher({ seed: seedKeys(USER, 2) })
    render(
      <StrictMode>
        <APIKeysProvider fetcher={memory} userId={USER} queryClient={testQueryClient()}>
          <KeyCount />
        </APIKeysProvider>
      </StrictMode>,
    )
    await waitFor(() => expect(document.body.textContent).toBe('2 keys'))
    expect(createKitQueryClient).not.toHaveBeenCalled()
  })

  it('makes its own client once, and makes one when the app stops passing its own', async () => {
    vi.mocked(createKitQueryClient).mockClear()
    const memory = createMemoryFetcher({ seed: seedKeys(USER, 2) })
    const { rerender } = render(
      <APIKeysProvider fetcher={memory} userId={USER}>
        <KeyCount />
      </APIKeysProvider>,
    )
    await waitFor(() => expect(document.body.textContent).toBe('2 keys'))
    expect(createKitQueryClient).toHaveBeenCalledTimes(1)

    const appClient = testQueryClient()
    rerender(
      <APIKeysProvider fetcher={memory} userId={USER} queryClient={appClient}>
        <KeyCount />
      </APIKeysProvider>,
    )
    await waitFor(() => expect(document.body.textContent).toBe('2 keys'))
    expect(appClient.getQueryCache().getAll().length).toBeGreaterThan(0)
    expect(createKitQueryClient).toHaveBeenCalledTimes(1)
  })

  it('switches to a client of its own when the app takes its client away', async () => {
    vi.mocked(createKitQueryClient).mockClear()
    const memory = createMemoryFetcher({ seed: seedKeys(USER, 3) })
    const { rerender } = render(
      <APIKeysProvider fetcher={memory} userId={USER} queryClient={testQueryClient()}>
        <KeyCount />
      </APIKeysProvider>,
    )
    await waitFor(() => expect(document.body.textContent).toBe('3 keys'))
    expect(createKitQueryClient).not.toHaveBeenCalled()
    rerender(
      <APIKeysProvider fetcher={memory} userId={USER}>
        <KeyCount />
      </APIKeysProvider>,
    )
    await waitFor(() => expect(document.body.textContent).toBe('3 keys'))
    expect(createKitQueryClient).toHaveBeenCalled()
  })
})
