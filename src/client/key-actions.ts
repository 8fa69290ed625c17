import { ApiKeysError, asApiKeysError } from '../core/errors'
import type { ApiKeysFetcher, FetcherSupports, RollKeyResult } from '../core/fetcher'
import type { APIKeyResource, APIKeysPage, APIKeyStatusFilter, CreatedAPIKey } from '../core/types'
import {
  validateCreateInput,
  validateGracePeriod,
  validateRevocationReason,
  validateUpdateInput,
} from '../core/validation'
import { refreshLists, revokeOptimistically } from './cache-updates'
import { resolveSubject, type ApiKeysContextValue, type ResolvedSubject } from './client-context'
import { runKeyMutation } from './key-mutation'
import { fetchPage } from './list-query'
import { LIST_STALE_TIME_MS } from './query-defaults'
import { pageKey, subjectKey } from './query-keys'

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

// Each action of the client is a function of its own, so a bundle carries only the actions it calls
// (the manager never edits a key, so it ships no update and no update validation).

function requireSubject(context: ApiKeysContextValue, subject: string | undefined): ResolvedSubject {
  const target = resolveSubject(context, subject)
  if (!target) throw new ApiKeysError('unauthenticated')
  return target
}

const neverAborted = (): AbortSignal => new AbortController().signal
/** What a change's mutation caches as its variables: the caller's parameters, the subject resolved, no signal. */
const variablesOf = ({ signal: _signal, ...params }: { signal?: AbortSignal }, target: ResolvedSubject): object => ({
  ...params,
  subject: target.subject,
})
const listsOf = (context: ApiKeysContextValue, target: ResolvedSubject) => subjectKey(context.userId, target.subject)

/** What the fetcher's backend supports: its optional methods, and scopes and descriptions unless it says it has none. */
export interface FetcherSupport {
  update: boolean
  roll: boolean
  scopes: boolean
  /** Whether the backend stores a description beside the name. */
  description: boolean
  /** Whether `list` narrows to a hygiene finding, so the kit can count and filter every key. */
  hygiene: boolean
}

/** Which optional methods the fetcher has, whether its backend stores scopes and descriptions, and whether it filters by hygiene. */
export const supportsOf = (fetcher: ApiKeysFetcher & FetcherSupports): FetcherSupport => ({
  update: typeof fetcher.update === 'function',
  roll: typeof fetcher.roll === 'function',
  scopes: fetcher.supports?.scopes !== false,
  description: fetcher.supports?.description !== false,
  hygiene: fetcher.supports?.hygiene === true,
})

/** A page of `getAll`: the kit's `totalCount`, and Clerk's spelling `total_count` for code moved from Clerk. */
export interface GetAllAPIKeysPage extends APIKeysPage {
  total_count: number
}

/** One page of keys, through the cache (a fresh cached page is answered without a request). */
export async function getAllKeys(
  context: ApiKeysContextValue,
  params: GetAPIKeysParams = {},
): Promise<GetAllAPIKeysPage> {
  const target = requireSubject(context, params.subject)
  const filter = { query: params.query ?? '', status: params.status, pageSize: params.pageSize ?? 10 }
  const page = params.initialPage ?? 1
  const found = await context.queryClient.fetchQuery({
    queryKey: pageKey(context.userId, target.subject, filter, page),
    queryFn: ({ signal }) => fetchPage(context.fetcher, target, filter, page, signal),
    staleTime: LIST_STALE_TIME_MS,
  })
  return { ...found, total_count: found.totalCount }
}

/** Creates a key; the result's `secret` is the only copy, and the kit keeps none. */
export async function createKey(context: ApiKeysContextValue, params: CreateAPIKeyParams): Promise<CreatedAPIKey> {
  const target = requireSubject(context, params.subject)
  return runKeyMutation(context, {
    action: 'create',
    target,
    variables: variablesOf(params, target),
    apiKeyId: null,
    run: async () => {
      const input = validateCreateInput(params)
      const created = await asApiKeysError(() =>
        context.fetcher.create({ ...target, ...input, signal: params.signal ?? neverAborted() }),
      )
      void refreshLists(context.queryClient, listsOf(context, target))
      return created
    },
    outcomeOf: ({ secret: _secret, ...key }) => ({ key }),
  })
}

/** Revokes a key at once in every cached list, and puts it back if the backend refuses. */
export async function revokeKey(context: ApiKeysContextValue, params: RevokeAPIKeyParams): Promise<APIKeyResource> {
  const apiKeyId = params.apiKeyID ?? params.apiKeyId
  if (!apiKeyId) throw new ApiKeysError('invalid_input', 'Which API key? Pass apiKeyID.')
  const target = requireSubject(context, params.subject)
  const run = async (): Promise<APIKeyResource> => {
    const revocationReason = validateRevocationReason(params.revocationReason)
    const lists = listsOf(context, target)
    const rollback = await revokeOptimistically(context.queryClient, lists, apiKeyId, revocationReason)
    try {
      return await asApiKeysError(() =>
        context.fetcher.revoke({ ...target, apiKeyId, revocationReason, signal: params.signal ?? neverAborted() }),
      )
    } catch (error) {
      rollback()
      throw error
    } finally {
      void refreshLists(context.queryClient, lists)
    }
  }
  return runKeyMutation(context, {
    action: 'revoke',
    target,
    variables: variablesOf(params, target),
    apiKeyId,
    run,
    outcomeOf: (key) => ({ key }),
  })
}

/** Renames a key or changes its description (when the fetcher supports it). */
export async function updateKey(context: ApiKeysContextValue, params: UpdateAPIKeyParams): Promise<APIKeyResource> {
  const { update } = context.fetcher
  if (!update) throw new ApiKeysError('unsupported', 'This backend does not support editing API keys.')
  const target = requireSubject(context, params.subject)
  const run = async (): Promise<APIKeyResource> => {
    const changes = validateUpdateInput(params)
    const updated = await asApiKeysError(() =>
      update({ ...target, ...changes, apiKeyId: params.apiKeyId, signal: params.signal ?? neverAborted() }),
    )
    void refreshLists(context.queryClient, listsOf(context, target), [updated])
    return updated
  }
  return runKeyMutation(context, {
    action: 'update',
    target,
    variables: variablesOf(params, target),
    apiKeyId: params.apiKeyId,
    run,
    outcomeOf: (key) => ({ key }),
  })
}

/** Issues a replacement whose old secret expires after a grace period (when the fetcher supports it). */
export async function rollKey(context: ApiKeysContextValue, params: RollAPIKeyParams): Promise<RollKeyResult> {
  const { roll } = context.fetcher
  if (!roll) throw new ApiKeysError('unsupported', 'This backend does not support rolling API keys.')
  const target = requireSubject(context, params.subject)
  const run = async (): Promise<RollKeyResult> => {
    const gracePeriodSeconds = validateGracePeriod(params.gracePeriodSeconds)
    const result = await asApiKeysError(() =>
      roll({ ...target, apiKeyId: params.apiKeyId, gracePeriodSeconds, signal: params.signal ?? neverAborted() }),
    )
    void refreshLists(context.queryClient, listsOf(context, target), [result.previous])
    return result
  }
  return runKeyMutation(context, {
    action: 'roll',
    target,
    variables: variablesOf(params, target),
    apiKeyId: params.apiKeyId,
    run,
    outcomeOf: ({ replacement: { secret: _secret, ...key }, previous }) => ({ key, previous }),
  })
}
