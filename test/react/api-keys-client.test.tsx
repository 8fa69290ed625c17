import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  APIKeysProvider,
  ApiKeysError,
  createMemoryFetcher,
  isWellFormedApiKey,
  useAPIKeys,
  useAPIKeysClient,
  type ApiKeysFetcher,
  type FetcherSupports,
} from '../../src/index'
import { ORG, USER, cacheText, recordingFetcher, seedKeys, setupKit, testQueryClient } from '../helpers/kit'

function useListAndClient(subject?: string) {
  return { list: useAPIKeys({ subject }), client: useAPIKeysClient() }
}

describe('useAPIKeysClient', () => {
  it('creates a key, returns its secret once, and keeps the secret out of the cache and storage', async () => {
    const { wrapper, queryClient } = setupKit({ seed: seedKeys(USER, 2) })
    const { result } = renderHook(() => useListAndClient(), { wrapper })
    await waitFor(() => expect(result.current.list.count).toBe(2))
    const created = await act(() =>
      result.current.client.create({ name: 'Deploy bot', description: 'CI', secondsUntilExpiration: 3600 }),
    )
    expect(isWellFormedApiKey(created.secret)).toBe(true)
    await waitFor(() => expect(result.current.list.data[0]?.name).toBe('Deploy bot'))
    expect(result.current.list.data[0]).not.toHaveProperty('secret')
    expect(cacheText(queryClient)).not.toContain(created.secret)
    expect(cacheText(queryClient)).toContain(created.lastFour)
    expect(JSON.stringify({ ...localStorage })).not.toContain(created.secret)
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(created.secret)
  })

  it('shows a key created while the first list request is still in flight', async () => {
    const { wrapper, memory } = setupKit({ latencyMs: 80 })
    const { result } = renderHook(() => useListAndClient(), { wrapper })
    expect(result.current.list.isLoading).toBe(true)
    memory.setLatency(0)
    await act(() => result.current.client.create({ name: 'Raced' }))
    await waitFor(() => expect(result.current.list.isFetching).toBe(false))
    expect(result.current.list.data.map((key) => key.name)).toEqual(['Raced'])
  })

  it('validates before it sends anything, and keeps every field problem', async () => {
    const { wrapper, memory } = setupKit()
    const { result } = renderHook(() => useAPIKeysClient(), { wrapper })
    const error = await result.current
      .create({ name: ' ', secondsUntilExpiration: -3 })
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(ApiKeysError)
    expect((error as ApiKeysError).issues.map((issue) => issue.field)).toEqual(['name', 'secondsUntilExpiration'])
    expect(memory.calls.create).toBe(0)
  })

  it('passes the backend’s refusal on as an ApiKeysError', async () => {
    const { wrapper, memory } = setupKit({ seed: [{ name: 'Taken', subject: USER }] })
    const { result } = renderHook(() => useAPIKeysClient(), { wrapper })
    await expect(result.current.create({ name: 'taken' })).rejects.toMatchObject({ code: 'conflict', status: 409 })
    memory.failNext('network')
    await expect(result.current.create({ name: 'Other' })).rejects.toMatchObject({ code: 'network' })
  })

  it('revokes at once on screen, before the backend answers, and keeps the reason', async () => {
    const { wrapper, memory } = setupKit({ seed: seedKeys(USER, 3) })
    const { result } = renderHook(() => useListAndClient(), { wrapper })
    await waitFor(() => expect(result.current.list.count).toBe(3))
    const target = result.current.list.data[1]
    memory.setLatency(200)
    let done = false
    const pending = result.current.client
      .revoke({ apiKeyId: target?.id ?? '', revocationReason: 'Leaked' })
      .then(() => (done = true))
    await waitFor(() =>
      expect(result.current.list.data[1]).toMatchObject({ revoked: true, revocationReason: 'Leaked' }),
    )
    expect(done).toBe(false)
    await act(() => pending)
    await waitFor(() => expect(result.current.list.isFetching).toBe(false))
    expect(result.current.list.data[1]).toMatchObject({ revoked: true, revocationReason: 'Leaked' })
  })

  it('puts a revoked key back, with the error, when the backend refuses', async () => {
    const { wrapper, memory } = setupKit({ seed: seedKeys(USER, 2) })
    const { result } = renderHook(() => useListAndClient(), { wrapper })
    await waitFor(() => expect(result.current.list.count).toBe(2))
    const target = result.current.list.data[0]
    memory.failNext('forbidden', { methods: ['revoke'] })
    memory.setLatency(50)
    const outcome = result.current.client.revoke({ apiKeyID: target?.id ?? '' }).catch((reason: unknown) => reason)
    await waitFor(() => expect(result.current.list.data[0]?.revoked).toBe(true))
    expect(await act(() => outcome)).toMatchObject({ code: 'forbidden' })
    await waitFor(() => expect(result.current.list.data[0]?.revoked).toBe(false))
  })

  it('accepts both spellings of the key id', async () => {
    const { wrapper } = setupKit({ seed: seedKeys(USER, 2) })
    const { result } = renderHook(() => useListAndClient(), { wrapper })
    await waitFor(() => expect(result.current.list.count).toBe(2))
    const [a, b] = result.current.list.data
    await act(() => result.current.client.revoke({ apiKeyID: a?.id ?? '' }))
    await act(() => result.current.client.revoke({ apiKeyId: b?.id ?? '' }))
    await waitFor(() => expect(result.current.list.data.every((key) => key.revoked)).toBe(true))
  })

  it('refreshes each list of the changed subject once, and no other subject’s', async () => {
    const memory = createMemoryFetcher({ seed: [...seedKeys(USER, 12), ...seedKeys(ORG, 2)] })
    const { fetcher, listedSubjects } = recordingFetcher(memory)
    const queryClient = testQueryClient()
    const { result } = renderHook(
      () => ({
        page1: useAPIKeys(),
        page2: useAPIKeys({ initialPage: 2 }),
        org: useAPIKeys({ subject: ORG }),
        client: useAPIKeysClient(),
      }),
      {
        wrapper: ({ children }) => (
          <APIKeysProvider fetcher={fetcher} userId={USER} queryClient={queryClient}>
            {children}
          </APIKeysProvider>
        ),
      },
    )
    await waitFor(() => expect(result.current.page2.data).toHaveLength(2))
    await waitFor(() => expect(result.current.org.count).toBe(2))
    listedSubjects.length = 0
    await act(() => result.current.client.create({ name: 'New' }))
    await waitFor(() => expect(result.current.page1.count).toBe(13))
    await waitFor(() => expect(listedSubjects).toEqual([USER, USER]))
    listedSubjects.length = 0
    await act(() => result.current.client.revoke({ apiKeyId: result.current.page1.data[0]?.id ?? '' }))
    await waitFor(() => expect(listedSubjects).toEqual([USER, USER]))
  })

  it('getAll answers from the cache while it is fresh', async () => {
    const { wrapper, memory } = setupKit({ seed: seedKeys(USER, 4) })
    const { result } = renderHook(() => useAPIKeysClient(), { wrapper })
    const first = await result.current.getAll({ pageSize: 2 })
    expect(first).toMatchObject({ totalCount: 4 })
    expect(first.data).toHaveLength(2)
    await result.current.getAll({ pageSize: 2 })
    expect(memory.calls.list).toBe(1)
  })

  it("getAll answers Clerk's total_count beside totalCount, also from the cache, so code moved from Clerk reads the total", async () => {
    const { wrapper } = setupKit({ seed: seedKeys(USER, 3) })
    const { result } = renderHook(() => useAPIKeysClient(), { wrapper })
    const fetched = await result.current.getAll({ pageSize: 2 })
    expect(fetched).toMatchObject({ total_count: 3, totalCount: 3 })
    const cached = await result.current.getAll({ pageSize: 2 })
    expect(cached).toMatchObject({ total_count: 3, totalCount: 3 })
  })

  it('rolls a key and updates it, when the backend supports both', async () => {
    const { wrapper } = setupKit({ seed: [{ name: 'Old', subject: USER }] })
    const { result } = renderHook(() => useListAndClient(), { wrapper })
    await waitFor(() => expect(result.current.list.count).toBe(1))
    expect(result.current.client.supports).toEqual({
      update: true,
      roll: true,
      scopes: true,
      description: true,
      hygiene: true,
    })
    const id = result.current.list.data[0]?.id ?? ''
    await act(() => result.current.client.update({ apiKeyId: id, name: 'Renamed' }))
    const rolled = await act(() => result.current.client.roll({ apiKeyId: id, gracePeriodSeconds: 60 }))
    expect(isWellFormedApiKey(rolled.replacement.secret)).toBe(true)
    await waitFor(() => expect(result.current.list.count).toBe(2))
    expect(result.current.list.data.map((key) => key.name)).toEqual(['Renamed', 'Renamed'])
  })

  it('says clearly when the backend cannot roll', async () => {
    const memory = createMemoryFetcher()
    const { result } = renderHook(() => useAPIKeysClient(), {
      wrapper: ({ children }) => (
        <APIKeysProvider
          fetcher={{ list: memory.list, create: memory.create, revoke: memory.revoke }}
          userId={USER}
          queryClient={testQueryClient()}
        >
          {children}
        </APIKeysProvider>
      ),
    })
    expect(result.current.supports).toEqual({
      update: false,
      roll: false,
      scopes: true,
      description: true,
      hygiene: false,
    })
    await expect(result.current.roll({ apiKeyId: 'x', gracePeriodSeconds: 0 })).rejects.toMatchObject({
      code: 'unsupported',
    })
  })

  it('says the backend stores no scopes when its fetcher declares supports.scopes false', () => {
    const memory = createMemoryFetcher()
    const noScopes: ApiKeysFetcher & FetcherSupports = {
      list: memory.list,
      create: memory.create,
      revoke: memory.revoke,
      supports: { scopes: false },
    }
    const { result } = renderHook(() => useAPIKeysClient(), {
      wrapper: ({ children }) => (
        <APIKeysProvider fetcher={noScopes} userId={USER} queryClient={testQueryClient()}>
          {children}
        </APIKeysProvider>
      ),
    })
    expect(result.current.supports).toEqual({
      update: false,
      roll: false,
      scopes: false,
      description: true,
      hygiene: false,
    })
  })
})
