import { QueryClient } from '@tanstack/react-query'
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { APIKeysProvider, createMemoryFetcher, useAPIKeys, useAPIKeysClient } from '../../src/index'
import { ORG, USER, recordingFetcher, seedKeys, setupKit, testQueryClient } from '../helpers/kit'

const names = (keys: { name: string }[]): string[] => keys.map((key) => key.name)

describe('useAPIKeys', () => {
  it('pages through the keys in Clerk’s shape', async () => {
    const { wrapper } = setupKit({ seed: seedKeys(USER, 25) })
    const { result } = renderHook(() => useAPIKeys(), { wrapper })
    expect(result.current.isLoading).toBe(true)
    await waitFor(() => expect(result.current.data).toHaveLength(10))
    expect(result.current).toMatchObject({
      count: 25,
      page: 1,
      pageCount: 3,
      hasNextPage: true,
      hasPreviousPage: false,
    })
    expect(result.current.data[0]?.name).toBe('Key 25')

    act(() => result.current.fetchNext())
    await waitFor(() => expect(result.current.data[0]?.name).toBe('Key 15'))
    expect(result.current).toMatchObject({ page: 2, hasPreviousPage: true })

    act(() => result.current.fetchPage(3))
    await waitFor(() => expect(names(result.current.data)).toEqual(['Key 5', 'Key 4', 'Key 3', 'Key 2', 'Key 1']))
    expect(result.current.hasNextPage).toBe(false)

    act(() => result.current.fetchPrevious())
    await waitFor(() => expect(result.current.page).toBe(2))
  })

  it('starts at initialPage with the pageSize asked for', async () => {
    const { wrapper } = setupKit({ seed: seedKeys(USER, 25) })
    const { result } = renderHook(() => useAPIKeys({ pageSize: 20, initialPage: 2 }), { wrapper })
    await waitFor(() => expect(result.current.data).toHaveLength(5))
    expect(result.current).toMatchObject({ page: 2, pageCount: 2 })
  })

  it('goes back to the first page on a new search', async () => {
    const { wrapper } = setupKit({ seed: [...seedKeys(USER, 15, 'Key'), ...seedKeys(USER, 3, 'Prod')] })
    const { result, rerender } = renderHook(({ query }) => useAPIKeys({ query }), {
      wrapper,
      initialProps: { query: '' },
    })
    await waitFor(() => expect(result.current.count).toBe(18))
    act(() => result.current.fetchNext())
    await waitFor(() => expect(result.current.page).toBe(2))
    rerender({ query: 'PROD' })
    await waitFor(() => expect(names(result.current.data)).toEqual(['Prod 3', 'Prod 2', 'Prod 1']))
    expect(result.current.page).toBe(1)
  })

  it('moves back to the last page when the page it was on runs empty', async () => {
    const { wrapper, memory } = setupKit({ seed: seedKeys(USER, 11) })
    const { result } = renderHook(() => ({ list: useAPIKeys({ status: 'active' }), client: useAPIKeysClient() }), {
      wrapper,
    })
    await waitFor(() => expect(result.current.list.count).toBe(11))
    act(() => result.current.list.fetchPage(2))
    await waitFor(() => expect(names(result.current.list.data)).toEqual(['Key 1']))
    const [only] = result.current.list.data
    await act(() => result.current.client.revoke({ apiKeyID: only?.id ?? '' }))
    await waitFor(() => expect(result.current.list.page).toBe(1))
    await waitFor(() => expect(result.current.list.data).toHaveLength(10))
    expect(memory.calls.revoke).toBe(1)
  })

  it('appends pages in infinite mode', async () => {
    const { wrapper } = setupKit({ seed: seedKeys(USER, 12) })
    const { result } = renderHook(() => useAPIKeys({ infinite: true, pageSize: 5 }), { wrapper })
    await waitFor(() => expect(result.current.data).toHaveLength(5))
    act(() => result.current.fetchNext())
    await waitFor(() => expect(result.current.data).toHaveLength(10))
    act(() => result.current.fetchNext())
    await waitFor(() => expect(result.current.data).toHaveLength(12))
    expect(result.current).toMatchObject({ page: 3, hasNextPage: false, count: 12 })
  })

  it('keeps the previous page on screen while the next loads when asked to', async () => {
    const { wrapper, memory } = setupKit({ seed: seedKeys(USER, 20) })
    const { result } = renderHook(() => useAPIKeys({ keepPreviousData: true }), { wrapper })
    await waitFor(() => expect(result.current.data).toHaveLength(10))
    memory.setLatency(30)
    act(() => result.current.fetchNext())
    expect(result.current.data[0]?.name).toBe('Key 20')
    await waitFor(() => expect(result.current.data[0]?.name).toBe('Key 10'))
  })

  it('waits while disabled, and while nobody is signed in', async () => {
    const memory = createMemoryFetcher({ seed: seedKeys(USER, 2) })
    const queryClient = testQueryClient()
    const { result, rerender } = renderHook(({ enabled }) => useAPIKeys({ enabled }), {
      initialProps: { enabled: false },
      wrapper: ({ children }) => (
        <APIKeysProvider fetcher={memory} userId={null} queryClient={queryClient}>
          {children}
        </APIKeysProvider>
      ),
    })
    rerender({ enabled: true })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(result.current).toMatchObject({ data: [], count: 0, isLoading: false })
    expect(memory.calls.list).toBe(0)
  })

  it('shows a list error with its code and message', async () => {
    const { wrapper, memory } = setupKit()
    memory.failNext('forbidden')
    const { result } = renderHook(() => useAPIKeys(), { wrapper })
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error).toMatchObject({ code: 'forbidden', status: 403 })
  })

  it('retries a first load that failed in passing, as the QueryClient says', async () => {
    // The kit's own client retries a network failure once; an app's client keeps its own policy (here
    // TanStack's default of three retries).
    const memory = createMemoryFetcher({ seed: seedKeys(USER, 2) })
    memory.failNext('network', { methods: ['list'] })
    const own = renderHook(() => useAPIKeys(), {
      wrapper: ({ children }) => (
        <APIKeysProvider fetcher={memory} userId={USER}>
          {children}
        </APIKeysProvider>
      ),
    })
    await waitFor(() => expect(own.result.current.count).toBe(2))
    expect(memory.calls.list).toBe(2)
    own.unmount()

    const appClient = new QueryClient({ defaultOptions: { queries: { retryDelay: 1 } } })
    const before = memory.calls.list
    memory.failNext('network', { methods: ['list'], times: 3 })
    const app = renderHook(() => useAPIKeys(), {
      wrapper: ({ children }) => (
        <APIKeysProvider fetcher={memory} userId={USER} queryClient={appClient}>
          {children}
        </APIKeysProvider>
      ),
    })
    await waitFor(() => expect(app.result.current.count).toBe(2))
    expect(memory.calls.list).toBe(before + 4)
  })

  it('makes one request for many components asking the same page', async () => {
    const { wrapper, memory } = setupKit({ seed: seedKeys(USER, 3) })
    function Count(): string {
      const { count, isLoading } = useAPIKeys()
      return isLoading ? 'loading' : `${count} keys`
    }
    render(
      <>
        {[1, 2, 3, 4, 5].map((n) => (
          <p key={n}>
            <Count />
          </p>
        ))}
      </>,
      { wrapper },
    )
    expect(await screen.findAllByText('3 keys')).toHaveLength(5)
    expect(memory.calls.list).toBe(1)
  })
})

describe('subject resolution', () => {
  const seed = [...seedKeys(USER, 2, 'Mine'), ...seedKeys(ORG, 3, 'Team')]

  it('uses the active organization before the user, and an explicit subject before both', async () => {
    const { wrapper } = setupKit({ seed, provider: { organizationId: ORG } })
    const { result } = renderHook(() => ({ org: useAPIKeys(), mine: useAPIKeys({ subject: USER }) }), { wrapper })
    await waitFor(() => expect(result.current.org.count).toBe(3))
    await waitFor(() => expect(result.current.mine.count).toBe(2))
    expect(names(result.current.org.data)).toEqual(['Team 3', 'Team 2', 'Team 1'])
    expect(names(result.current.mine.data)).toEqual(['Mine 2', 'Mine 1'])
  })

  it('never shows one subject’s cached keys for another when the organization changes', async () => {
    const memory = createMemoryFetcher({ seed })
    const queryClient = testQueryClient()
    function Names({ subject }: { subject?: string }): string {
      const { data, isLoading } = useAPIKeys({ subject })
      return isLoading ? 'loading' : names(data).join(', ')
    }
    const ui = (organizationId: string | null) => (
      <APIKeysProvider fetcher={memory} userId={USER} organizationId={organizationId} queryClient={queryClient}>
        <p data-testid="default">
          <Names />
        </p>
        <p data-testid="profile">
          <Names subject={USER} />
        </p>
      </APIKeysProvider>
    )
    const { rerender } = render(ui(null))
    await waitFor(() => expect(screen.getByTestId('default').textContent).toBe('Mine 2, Mine 1'))
    rerender(ui(ORG))
    // The org's own keys under the default subject; the user's profile keeps the user's keys.
    expect(screen.getByTestId('default').textContent).not.toContain('Mine')
    await waitFor(() => expect(screen.getByTestId('default').textContent).toBe('Team 3, Team 2, Team 1'))
    expect(screen.getByTestId('profile').textContent).toBe('Mine 2, Mine 1')
  })

  it('revalidate refreshes every page and query of its subject, and no other subject’s', async () => {
    const memory = createMemoryFetcher({ seed: [...seedKeys(USER, 15), ...seedKeys(ORG, 2)] })
    const { fetcher, listedSubjects } = recordingFetcher(memory)
    const queryClient = testQueryClient()
    const { result } = renderHook(
      () => ({
        page1: useAPIKeys(),
        page2: useAPIKeys({ initialPage: 2 }),
        search: useAPIKeys({ query: 'Key 1' }),
        org: useAPIKeys({ subject: ORG }),
      }),
      {
        wrapper: ({ children }) => (
          <APIKeysProvider fetcher={fetcher} userId={USER} queryClient={queryClient}>
            {children}
          </APIKeysProvider>
        ),
      },
    )
    await waitFor(() => expect(result.current.org.count).toBe(2))
    await waitFor(() => expect(result.current.search.isLoading).toBe(false))
    listedSubjects.length = 0
    await act(() => result.current.page1.revalidate())
    expect(listedSubjects.sort()).toEqual([USER, USER, USER])
  })
})
