import type { APIKeyResource, APIKeysPage, APIKeyStatusFilter, CreatedAPIKey, SubjectKind } from './types'
import type { HygieneFilter } from './key-hygiene'

/** Who a request is about: the resolved subject id, and whether it is a user or a team. */
export interface SubjectParams {
  subject: string
  subjectKind: SubjectKind
  /** Cancels the request; a fetcher should stop work and reject when it fires. */
  signal: AbortSignal
}

/** Ask for one page of a subject's keys. */
export interface ListKeysParams extends SubjectParams {
  /** Case-insensitive search on the key's name; empty means all keys. */
  query: string
  /** Only keys with this status at the time of the request; undefined means all. */
  status?: APIKeyStatusFilter
  /**
   * Only keys with this hygiene finding at the time of the request (the rules of `matchesHygiene`),
   * counted in `totalCount`; undefined means all. Sent only to a fetcher whose `supports.hygiene` is true.
   */
  hygiene?: HygieneFilter
  /** 1-based page number. */
  page: number
  pageSize: number
}

/** Ask for a new key. The kit validates these fields before it calls the fetcher. */
export interface CreateKeyParams extends SubjectParams {
  name: string
  description: string | null
  /** Seconds from now until the key expires, or null for a key that never expires. */
  secondsUntilExpiration: number | null
  scopes: string[]
  claims: Record<string, unknown> | null
}

/** Ask to revoke a key. Revoking a key twice keeps the first time and reason. */
export interface RevokeKeyParams extends SubjectParams {
  apiKeyId: string
  revocationReason: string | null
}

/** Ask to change a key's name or description; fields left out stay as they are. */
export interface UpdateKeyParams extends SubjectParams {
  apiKeyId: string
  name?: string
  description?: string | null
}

/** Ask for a replacement key; the old one keeps working for `gracePeriodSeconds`, then expires. */
export interface RollKeyParams extends SubjectParams {
  apiKeyId: string
  gracePeriodSeconds: number
}

/** The answer to a roll: the new key with its one-time secret, and the old key as it now is. */
export interface RollKeyResult {
  replacement: CreatedAPIKey
  previous: APIKeyResource
}

/**
 * What the kit needs from a backend. Implement this to put the components and hooks on your own API;
 * `createMemoryFetcher` is the embedded one. Methods reject with an `ApiKeysError` (or anything
 * `toApiKeysError` can map); the kit never retries a create.
 */
export interface ApiKeysFetcher {
  /** One page of the subject's keys, newest first, with the total number of matches. */
  list(params: ListKeysParams): Promise<APIKeysPage>
  /** Issues a key; the result carries the secret, which the kit shows once and never stores. */
  create(params: CreateKeyParams): Promise<CreatedAPIKey>
  /** Revokes a key and returns it as it now is. */
  revoke(params: RevokeKeyParams): Promise<APIKeyResource>
  /** Optional: renames a key or changes its description. */
  update?(params: UpdateKeyParams): Promise<APIKeyResource>
  /** Optional: issues a replacement and lets the old key expire after a grace period. */
  roll?(params: RollKeyParams): Promise<RollKeyResult>
}

/**
 * What a fetcher may carry beside its methods to say what its backend can do. Kept apart from
 * {@link ApiKeysFetcher}, so that `Required<ApiKeysFetcher>` stays the full set of calls.
 * - `scopes`: false when the backend stores no scopes (left out: it does); false hides the scopes picker.
 * - `description`: false when the backend stores no description (left out: it does); false hides the
 *   description field of the create dialog and of a key's details.
 * - `hygiene`: true when `list` honours `hygiene` (left out: it does not, as a backend that never
 *   heard of it would answer every key). The manager then counts and filters across every key, not
 *   only the loaded page.
 */
export interface FetcherSupports {
  readonly supports?: { readonly scopes?: boolean; readonly description?: boolean; readonly hygiene?: boolean }
}
