import { MutationCache, QueryClient, onlineManager, useIsMutating } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  APIKeysProvider,
  apiKeysMutationKey,
  createMemoryFetcher,
  isWellFormedApiKey,
  useAPIKeys,
  useAPIKeysClient,
  type KeyMutationCallbacks,
  type MemoryFetcher,
} from '../../src/index'
import { USER, cacheText, seedKeys } from '../helpers/kit'

/** Everything an app's global MutationCache callbacks were handed, call by call. */
interface Seen {
  event: 'success' | 'error' | 'settled'
  data: unknown
  error: unknown
  variables: unknown
  mutationKey: unknown
}

/** An app's QueryClient with global mutation callbacks (its toasts, its logging), recording each call. */
function appClientRecording(): { queryClient: QueryClient; seen: Seen[] } {
  const seen: Seen[] = []
  const mutationCache = new MutationCache({
    onSuccess: (data, variables, _context, mutation) =>
      void seen.push({ event: 'success', data, error: null, variables, mutationKey: mutation.options.mutationKey }),
    onError: (error, variables, _context, mutation) =>
      void seen.push({ event: 'error', data: null, error, variables, mutationKey: mutation.options.mutationKey }),
    onSettled: (data, error, variables, _context, mutation) =>
      void seen.push({ event: 'settled', data, error, variables, mutationKey: mutation.options.mutationKey }),
  })
  // The app's own defaults would retry a mutation three times: the kit's changes must still go once.
  const queryClient = new QueryClient({
    mutationCache,
    defaultOptions: { queries: { retry: false }, mutations: { retry: 3, retryDelay: 1 } },
  })
  return { queryClient, seen }
}

function setup(
  callbacks: KeyMutationCallbacks = {},
  memory: MemoryFetcher = createMemoryFetcher({ seed: seedKeys(USER, 2) }),
) {
  const { queryClient, seen } = appClientRecording()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <APIKeysProvider fetcher={memory} userId={USER} queryClient={queryClient} {...callbacks}>
      {children}
    </APIKeysProvider>
  )
  const { result } = renderHook(
    () => ({
      list: useAPIKeys(),
      client: useAPIKeysClient(),
      changing: useIsMutating({ mutationKey: apiKeysMutationKey() }, queryClient),
    }),
    { wrapper },
  )
  return { memory, queryClient, seen, result }
}

/** Every secret a test saw, to prove none reached the app's callbacks or a cache. */
function expectNoSecret(text: string, secrets: string[]): void {
  for (const secret of secrets) expect(text).not.toContain(secret)
}

afterEach(() => onlineManager.setOnline(true))

describe('the kit’s changes as TanStack Query mutations', () => {
  it('reaches the app’s global MutationCache callbacks for create, roll, update and revoke, with the key and never the secret', async () => {
    const { queryClient, seen, result } = setup()
    await waitFor(() => expect(result.current.list.count).toBe(2))

    const created = await act(() => result.current.client.create({ name: 'Deploy bot', scopes: ['deploy'] }))
    const rolled = await act(() => result.current.client.roll({ apiKeyId: created.id, gracePeriodSeconds: 60 }))
    await act(() => result.current.client.update({ apiKeyId: rolled.replacement.id, name: 'Deploy bot 2' }))
    await act(() => result.current.client.revoke({ apiKeyID: rolled.replacement.id, revocationReason: 'Done' }))
    const secrets = [created.secret, rolled.replacement.secret]
    expect(secrets.every((secret) => isWellFormedApiKey(secret))).toBe(true)

    const successes = seen.filter((entry) => entry.event === 'success')
    expect(successes.map((entry) => entry.mutationKey)).toEqual([
      ['react-api-keys', 'create', USER],
      ['react-api-keys', 'roll', USER],
      ['react-api-keys', 'update', USER],
      ['react-api-keys', 'revoke', USER],
    ])
    expect(successes[0]?.data).toMatchObject({
      action: 'create',
      subject: USER,
      key: { id: created.id, name: 'Deploy bot', lastFour: created.lastFour },
    })
    expect(successes[0]?.variables).toMatchObject({ name: 'Deploy bot', scopes: ['deploy'], subject: USER })
    expect(successes[1]?.data).toMatchObject({
      action: 'roll',
      key: { id: rolled.replacement.id },
      previous: { id: created.id },
    })
    expect(successes[2]?.data).toMatchObject({ action: 'update', key: { name: 'Deploy bot 2' } })
    expect(successes[3]?.data).toMatchObject({ action: 'revoke', key: { revoked: true, revocationReason: 'Done' } })
    expect(seen.filter((entry) => entry.event === 'settled')).toHaveLength(4)

    expectNoSecret(JSON.stringify(seen), secrets)
    expectNoSecret(cacheText(queryClient), secrets)
    expectNoSecret(
      JSON.stringify(
        queryClient
          .getMutationCache()
          .getAll()
          .map((mutation) => mutation.options),
      ),
      secrets,
    )
  })

  it('calls the Provider’s onMutationSuccess and onMutationError with the key and never the secret', async () => {
    const onMutationSuccess = vi.fn()
    const onMutationError = vi.fn()
    const { memory, result } = setup({ onMutationSuccess, onMutationError })
    await waitFor(() => expect(result.current.list.count).toBe(2))

    const created = await act(() => result.current.client.create({ name: 'Nightly job' }))
    expect(onMutationSuccess).toHaveBeenCalledTimes(1)
    expect(onMutationSuccess).toHaveBeenLastCalledWith({
      action: 'create',
      subject: USER,
      key: expect.objectContaining({ id: created.id, name: 'Nightly job' }),
    })

    const rolled = await act(() => result.current.client.roll({ apiKeyId: created.id, gracePeriodSeconds: 0 }))
    expect(onMutationSuccess).toHaveBeenLastCalledWith(
      expect.objectContaining({ action: 'roll', key: expect.objectContaining({ id: rolled.replacement.id }) }),
    )

    memory.failNext('forbidden', { methods: ['revoke'] })
    await act(() => result.current.client.revoke({ apiKeyID: created.id }).catch(() => undefined))
    expect(onMutationError).toHaveBeenCalledTimes(1)
    expect(onMutationError).toHaveBeenLastCalledWith(expect.objectContaining({ code: 'forbidden' }), {
      action: 'revoke',
      subject: USER,
      apiKeyId: created.id,
    })

    await act(() => result.current.client.create({ name: ' ' }).catch(() => undefined))
    expect(onMutationError).toHaveBeenLastCalledWith(expect.objectContaining({ code: 'invalid_input' }), {
      action: 'create',
      subject: USER,
      apiKeyId: null,
    })

    const handed = JSON.stringify([onMutationSuccess.mock.calls, onMutationError.mock.calls])
    expectNoSecret(handed, [created.secret, rolled.replacement.secret])
    expect(handed).toContain(created.lastFour)
  })

  it('sends a failing create once, whatever the app’s mutation defaults say, and passes its error to the app', async () => {
    const { memory, seen, result } = setup()
    await waitFor(() => expect(result.current.list.count).toBe(2))
    const before = memory.calls.create
    memory.failNext('unknown', { times: 5, methods: ['create'] })
    await expect(act(() => result.current.client.create({ name: 'Flaky' }))).rejects.toMatchObject({ code: 'unknown' })
    expect(memory.calls.create).toBe(before + 1)
    expect(seen.filter((entry) => entry.event === 'error')).toEqual([
      expect.objectContaining({
        error: expect.objectContaining({ code: 'unknown' }),
        mutationKey: ['react-api-keys', 'create', USER],
      }),
    ])
  })

  it('sends a change at once even when the browser reports being offline (the backend decides)', async () => {
    const { memory, result } = setup()
    await waitFor(() => expect(result.current.list.count).toBe(2))
    onlineManager.setOnline(false)
    const created = await act(() => result.current.client.create({ name: 'Offline?' }))
    expect(created.name).toBe('Offline?')
    expect(memory.calls.create).toBe(1)
  })

  it('counts a pending change in useIsMutating, under the kit’s mutation key', async () => {
    const { memory, result } = setup()
    await waitFor(() => expect(result.current.list.count).toBe(2))
    memory.setLatency(100)
    let pending: Promise<unknown> = Promise.resolve()
    act(() => {
      pending = result.current.client.create({ name: 'Slow' })
    })
    await waitFor(() => expect(result.current.changing).toBe(1))
    await act(() => pending)
    await waitFor(() => expect(result.current.changing).toBe(0))
  })

  it('still hands the secret to the caller when an app callback throws after the backend succeeded', async () => {
    const onMutationSuccess = vi.fn(() => {
      throw new Error('the app’s toast broke')
    })
    const { memory, result } = setup({ onMutationSuccess })
    await waitFor(() => expect(result.current.list.count).toBe(2))
    const created = await act(() => result.current.client.create({ name: 'Kept' }))
    expect(isWellFormedApiKey(created.secret)).toBe(true)
    expect(memory.calls.create).toBe(1)
    expect(onMutationSuccess).toHaveBeenCalledTimes(1)
  })
})
