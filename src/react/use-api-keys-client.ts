'use client'
import { useCallback, useMemo } from 'react'
import type { RollKeyResult } from '../core/fetcher'
import type { APIKeyResource, CreatedAPIKey } from '../core/types'
import type { ApiKeysContextValue } from '../client/client-context'
import { useApiKeysContext } from './context'
import {
  createKey,
  getAllKeys,
  revokeKey,
  rollKey,
  supportsOf,
  updateKey,
  type CreateAPIKeyParams,
  type FetcherSupport,
  type GetAllAPIKeysPage,
  type GetAPIKeysParams,
  type RevokeAPIKeyParams,
  type RollAPIKeyParams,
  type UpdateAPIKeyParams,
} from '../client/key-actions'

export type {
  GetAPIKeysParams,
  CreateAPIKeyParams,
  RevokeAPIKeyParams,
  UpdateAPIKeyParams,
  RollAPIKeyParams,
} from '../client/key-actions'

/** What {@link useAPIKeysClient} returns. */
export interface APIKeysClient {
  /**
   * One page of keys, through the cache (a fresh cached page is answered without a request); the total as
   * `totalCount` and as Clerk's `total_count`.
   */
  getAll(params?: GetAPIKeysParams): Promise<GetAllAPIKeysPage>
  /** Creates a key; the result's `secret` is the only copy, and the kit keeps none. */
  create(params: CreateAPIKeyParams): Promise<CreatedAPIKey>
  /** Revokes a key at once in every cached list, and puts it back if the backend refuses. */
  revoke(params: RevokeAPIKeyParams): Promise<APIKeyResource>
  /** Renames a key or changes its description (when the fetcher supports it). */
  update(params: UpdateAPIKeyParams): Promise<APIKeyResource>
  /** Issues a replacement whose old secret expires after a grace period (when the fetcher supports it). */
  roll(params: RollAPIKeyParams): Promise<RollKeyResult>
  /** Which optional fetcher methods exist, and whether the backend stores scopes. */
  supports: FetcherSupport
}

/** The imperative API in Clerk's shape (`getAll`, `create`, `revoke`) plus `update` and `roll`. */
function createAPIKeysClient(context: ApiKeysContextValue): APIKeysClient {
  return {
    getAll: (params) => getAllKeys(context, params),
    create: (params) => createKey(context, params),
    revoke: (params) => revokeKey(context, params),
    update: (params) => updateKey(context, params),
    roll: (params) => rollKey(context, params),
    supports: supportsOf(context.fetcher),
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

/**
 * One action of the client (`createKey`, `revokeKey`, `rollKey`…) bound to the Provider: what a component uses
 * when it needs only that one.
 */
export function useBoundAction<Params, Result>(
  action: (context: ApiKeysContextValue, params: Params) => Result,
): (params: Params) => Result {
  const context = useApiKeysContext()
  return useCallback((params: Params) => action(context, params), [action, context])
}

/** Which optional methods (`update`, `roll`) the Provider's backend offers, and whether it stores scopes. */
export function useSupports(): APIKeysClient['supports'] {
  return supportsOf(useApiKeysContext().fetcher)
}
