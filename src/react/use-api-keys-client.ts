'use client'
import { useMemo } from 'react'
import { ApiKeysError, asApiKeysError } from '../core/errors'
import type { RollKeyResult } from '../core/fetcher'
import type { APIKeyResource, APIKeysPage, APIKeyStatusFilter, CreatedAPIKey } from '../core/types'
import { validateCreateInput, validateGracePeriod, validateRevocationReason, validateUpdateInput } from '../core/validation'
import { refreshLists, revokeOptimistically } from './cache-updates'
import { resolveSubject, useApiKeysContext, type ApiKeysContextValue, type ResolvedSubject } from './context'
import { fetchPage } from './list-query'
import { LIST_STALE_TIME_MS } from './query-client'
import { apiKeysQueryKeys } from './query-keys'

/** Parameters of `getAll`, as in Clerk's `apiKeys.getAll`. */
export interface GetAPIKeysParams {
  subject?: string
  query?: string
  status?: APIKeyStatusFilter
  initialPage?: number
  pageSize?: number
}

/** Parameters of `create`, as in Clerk's `apiKeys.create`, plus scopes and claims. */
export interface CreateAPIKeyParams {
  name: string
  subject?: string
  description?: string | null
  /** Seconds until the key expires; null or left out for a key that never expires. */
  secondsUntilExpiration?: number | null
  scopes?: string[]
  claims?: Record<string, unknown> | null
  signal?: AbortSignal
}

/** Parameters of `revoke`: Clerk spells the id `apiKeyID` in one place and `apiKeyId` in another; both work. */
export type RevokeAPIKeyParams = ({ apiKeyID: string; apiKeyId?: never } | { apiKeyId: string; apiKeyID?: never }) & {
  revocationReason?: string | null
  subject?: string
  signal?: AbortSignal
}

/** Parameters of `update`. */
export interface UpdateAPIKeyParams {
  apiKeyId: string
  name?: string
  description?: string | null
  subject?: string
  signal?: AbortSignal
}

/** Parameters of `roll`. */
export interface RollAPIKeyParams {
  apiKeyId: string
  /** How long the old secret keeps working, in seconds (0 to 30 days). */
  gracePeriodSeconds: number
  subject?: string
  signal?: AbortSignal
}

/** What {@link useAPIKeysClient} returns. */
export interface APIKeysClient {
  /** One page of keys, through the cache (a fresh cached page is answered without a request). */
  getAll(params?: GetAPIKeysParams): Promise<APIKeysPage>
  /** Creates a key; the result's `secret` is the only copy, and the kit keeps none. */
  create(params: CreateAPIKeyParams): Promise<CreatedAPIKey>
  /** Revokes a key at once in every cached list, and puts it back if the backend refuses. */
  revoke(params: RevokeAPIKeyParams): Promise<APIKeyResource>
  /** Renames a key or changes its description (when the fetcher supports it). */
  update(params: UpdateAPIKeyParams): Promise<APIKeyResource>
  /** Issues a replacement whose old secret expires after a grace period (when the fetcher supports it). */
  roll(params: RollAPIKeyParams): Promise<RollKeyResult>
  /** Which optional fetcher methods exist. */
  supports: { update: boolean; roll: boolean }
}

function requireSubject(context: ApiKeysContextValue, subject: string | undefined): ResolvedSubject {
  const target = resolveSubject(context, subject)
  if (!target) throw new ApiKeysError('forbidden', 'Sign in to manage API keys.')
  return target
}

const neverAborted = (): AbortSignal => new AbortController().signal

/** The imperative API in Clerk's shape (`getAll`, `create`, `revoke`) plus `update` and `roll`. */
export function createAPIKeysClient(context: ApiKeysContextValue): APIKeysClient {
  const { fetcher, queryClient, userId } = context
  const listsOf = (target: ResolvedSubject) => apiKeysQueryKeys.subject(userId, target.subject)

  return {
    getAll(params = {}) {
      const target = requireSubject(context, params.subject)
      const filter = { query: params.query ?? '', status: params.status, pageSize: params.pageSize ?? 10 }
      const page = params.initialPage ?? 1
      return queryClient.fetchQuery({
        queryKey: apiKeysQueryKeys.page(userId, target.subject, filter, page),
        queryFn: ({ signal }) => fetchPage(fetcher, target, filter, page, signal),
        staleTime: LIST_STALE_TIME_MS,
      })
    },

    async create(params) {
      const target = requireSubject(context, params.subject)
      const input = validateCreateInput(params)
      const created = await asApiKeysError(() => fetcher.create({ ...target, ...input, signal: params.signal ?? neverAborted() }))
      void refreshLists(queryClient, listsOf(target))
      return created
    },

    async revoke(params) {
      const apiKeyId = params.apiKeyID ?? params.apiKeyId
      if (!apiKeyId) throw new ApiKeysError('invalid_input', 'Which API key? Pass apiKeyID.')
      const target = requireSubject(context, params.subject)
      const revocationReason = validateRevocationReason(params.revocationReason)
      const rollback = await revokeOptimistically(queryClient, listsOf(target), apiKeyId, revocationReason)
      try {
        return await asApiKeysError(() => fetcher.revoke({ ...target, apiKeyId, revocationReason, signal: params.signal ?? neverAborted() }))
      } catch (error) {
        rollback()
        throw error
      } finally {
        void refreshLists(queryClient, listsOf(target))
      }
    },

    async update(params) {
      const { update } = fetcher
      if (!update) throw new ApiKeysError('forbidden', 'This backend does not support editing API keys.')
      const target = requireSubject(context, params.subject)
      const changes = validateUpdateInput(params)
      const updated = await asApiKeysError(() => update({ ...target, ...changes, apiKeyId: params.apiKeyId, signal: params.signal ?? neverAborted() }))
      void refreshLists(queryClient, listsOf(target))
      return updated
    },

    async roll(params) {
      const { roll } = fetcher
      if (!roll) throw new ApiKeysError('forbidden', 'This backend does not support rolling API keys.')
      const target = requireSubject(context, params.subject)
      const gracePeriodSeconds = validateGracePeriod(params.gracePeriodSeconds)
      const result = await asApiKeysError(() => roll({ ...target, apiKeyId: params.apiKeyId, gracePeriodSeconds, signal: params.signal ?? neverAborted() }))
      void refreshLists(queryClient, listsOf(target))
      return result
    },

    supports: { update: typeof fetcher.update === 'function', roll: typeof fetcher.roll === 'function' },
  }
}

/**
 * The imperative API in Clerk's shape. After each change every cached list of that subject refreshes
 * (and no other subject's). Secrets are returned to the caller only: they never enter the cache.
 */
export function useAPIKeysClient(): APIKeysClient {
  const context = useApiKeysContext()
  return useMemo(() => createAPIKeysClient(context), [context])
}
