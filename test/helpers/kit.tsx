import { QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { vi } from 'vitest'
import {
  APIKeysProvider,
  createMemoryFetcher,
  type ApiKeysFetcher,
  type APIKeysProviderProps,
  type MemoryFetcher,
  type MemoryFetcherOptions,
  type MemorySeedKey,
  type SubjectKind,
} from '../../src/index'

/**
 * Counts, from now on, the list requests for pages a person sees: not the hygiene counts' one-key
 * pages, which the manager asks for beside them once the browser is idle.
 */
export function countPageRequests(memory: MemoryFetcher): () => number {
  const list = vi.spyOn(memory, 'list')
  return () => list.mock.calls.filter(([params]) => params.hygiene === undefined).length
}

export const USER = 'user_alice'
export const ORG = 'org_acme'
export const DAY = 24 * 60 * 60 * 1000

/**
 * `count` keys for `subject`, one a minute apart, named "<label> 1" (oldest) to "<label> count" (newest).
 * Owned by a user when the id starts with `user_`, else by a team, as the hooks ask for every subject but
 * the signed-in user's as a team.
 */
export function seedKeys(
  subject: string,
  count: number,
  label = 'Key',
  subjectKind: SubjectKind = subject.startsWith('user_') ? 'user' : 'team',
): MemorySeedKey[] {
  const start = Date.now() - count * 60_000
  return Array.from({ length: count }, (_, index) => ({
    name: `${label} ${index + 1}`,
    subject,
    subjectKind,
    createdAt: new Date(start + index * 60_000),
  }))
}

/** A QueryClient as a test wants it: no retries, so an error shows at once. */
export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 60_000 }, mutations: { retry: false } },
  })
}

/** A fetcher that records every list call's subject, on top of a memory fetcher. */
export function recordingFetcher(inner: MemoryFetcher): { fetcher: ApiKeysFetcher; listedSubjects: string[] } {
  const listedSubjects: string[] = []
  const fetcher: ApiKeysFetcher = {
    list: (params) => {
      listedSubjects.push(params.subject)
      return inner.list(params)
    },
    create: (params) => inner.create(params),
    revoke: (params) => inner.revoke(params),
    update: (params) => inner.update(params),
    roll: (params) => inner.roll(params),
  }
  return { fetcher, listedSubjects }
}

export interface KitSetup {
  memory: MemoryFetcher
  queryClient: QueryClient
  wrapper: (props: { children: ReactNode }) => ReactNode
}

/** A memory backend, a QueryClient and a wrapper that renders children inside the Provider. */
export function setupKit(
  options: MemoryFetcherOptions & { provider?: Partial<Omit<APIKeysProviderProps, 'children'>> } = {},
): KitSetup {
  const { provider, ...memoryOptions } = options
  const memory = createMemoryFetcher(memoryOptions)
  const queryClient = testQueryClient()
  const wrapper = ({ children }: { children: ReactNode }): ReactNode => (
    <APIKeysProvider fetcher={memory} userId={USER} queryClient={queryClient} {...provider}>
      {children}
    </APIKeysProvider>
  )
  return { memory, queryClient, wrapper }
}

/** Everything the cache holds, as text: to prove a secret is not in it. */
export function cacheText(queryClient: QueryClient): string {
  const queries = queryClient
    .getQueryCache()
    .getAll()
    .map((query) => query.state)
  const mutations = queryClient
    .getMutationCache()
    .getAll()
    .map((mutation) => mutation.state)
  return JSON.stringify({ queries, mutations })
}
