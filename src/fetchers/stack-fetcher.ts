import { ApiKeysError } from '../core/errors'
import type {
  ApiKeysFetcher,
  CreateKeyParams,
  FetcherSupports,
  ListKeysParams,
  RevokeKeyParams,
  SubjectParams,
  UpdateKeyParams,
} from '../core/fetcher'
import { lastFourOf } from '../core/key-format'
import { isExpiredAt, matchesStatusFilter } from '../core/key-status'
import type { APIKeyResource, CreatedAPIKey, SubjectKind } from '../core/types'
import { unexpectedAnswer } from './http/errors'
import { JsonReader, isJsonObject } from './http/json'
import { globalFetch, queryString, sendJson, trimBase, type FetchFunction, type JsonRequest } from './http/request'
import { refuseUnstorable } from './http/unsupported'

/** Options of {@link createStackFetcher}. */
export interface StackFetcherOptions {
  /** Stack Auth's API origin, e.g. `https://api.stack-auth.com` (paths `/api/v1/…` are added). */
  baseUrl: string
  /** Your Stack project id (`x-stack-project-id`). */
  projectId: string
  /** Your project's publishable client key (`x-stack-publishable-client-key`). */
  publishableClientKey: string
  /** The signed-in user's access token (`x-stack-access-token`), e.g. from `user.getAuthJson()`; null when signed out. */
  getAccessToken: () => string | null | Promise<string | null>
  /** The `fetch` to use (default the global one). */
  fetch?: FetchFunction
}

const COLLECTION: Record<SubjectKind, string> = { user: '/api/v1/user-api-keys', team: '/api/v1/team-api-keys' }

/**
 * A Stack key (`created_at_millis`, `expires_at_millis`, `manually_revoked_at_millis`, `value`) as the
 * kit's resource. The read schema leaves an unset time out; like Stack's SDK, a time of 0 is unset too.
 */
function toResource(value: unknown, asked: SubjectParams, now: number): APIKeyResource {
  const json = new JsonReader(value, 'api key')
  const type = json.has('type') ? json.string('type') : asked.subjectKind
  const subject = json.optionalString(type === 'team' ? 'team_id' : 'user_id') ?? asked.subject
  const createdAt = json.millisDate('created_at_millis')
  const expiration = json.unsetOrMillisDate('expires_at_millis')
  const revokedAt = json.unsetOrMillisDate('manually_revoked_at_millis')
  const secretValue = json.raw('value')
  const lastFour = isJsonObject(secretValue) ? new JsonReader(secretValue, 'api key value').string('last_four') : ''
  return {
    id: json.string('id'),
    type,
    name: json.optionalString('description') ?? '',
    subject,
    description: null,
    claims: null,
    scopes: [],
    createdAt,
    createdBy: null,
    updatedAt: revokedAt ?? createdAt,
    expiration,
    expired: isExpiredAt({ expiration }, now),
    revoked: revokedAt !== null,
    revokedAt,
    revocationReason: null,
    lastUsedAt: null,
    // No `rolledFrom` / `replacedBy`: Stack Auth has no roll, so no key is linked to another.
    prefix: null,
    lastFour,
  }
}

/** The first view of a new key, where `value` is the secret itself. */
function toCreated(value: unknown, asked: SubjectParams, now: number): CreatedAPIKey {
  const secret = new JsonReader(value, 'api key').string('value')
  return { ...toResource(value, asked, now), lastFour: lastFourOf(secret), secret }
}

/** The keys of a list answer: Stack's `{ items: [...] }`, or a bare array. */
function itemsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (isJsonObject(value) && Array.isArray(value.items)) return value.items
  throw unexpectedAnswer('the list has no items')
}

/**
 * A fetcher for Stack Auth's client REST API, called as Stack's own SDK (`@stackframe/js`) calls it,
 * so an app on Stack Auth gets the kit's components. User keys live at
 * `/api/v1/user-api-keys?user_id=me` (always the signed-in user's, whatever `subject` says), team keys
 * at `/api/v1/team-api-keys?team_id=<subject>`; the fetcher chooses by `subjectKind`, and every
 * request names the owner: `user_id`/`team_id` in the create body, `?user_id=me`/`?team_id=` on the
 * list, on a key's `PATCH` and on its `GET`. Every request carries `x-stack-project-id`,
 * `x-stack-publishable-client-key`, `x-stack-access-type: client` and `x-stack-access-token`.
 *
 * What Stack's API does not have, the fetcher makes up for or leaves out:
 * - no search, status filter or paging on the server: `list` fetches the subject's keys, then
 *   searches names (case-insensitive), filters by status and pages on the client;
 * - a key's `description` is its label: it is the kit's `name`, and the kit's `description` is null.
 *   `supports.description` is false, so neither the create dialog nor a key's details ask for one,
 *   and a create or update that brings a description is refused (`invalid_input`) before any request;
 * - no revocation reason (revoke sends `PATCH { revoked: true }` and drops the reason), no last use
 *   or creator (null), and no roll;
 * - no scopes or claims: `supports.scopes` is false, so the create dialog offers none, and a create
 *   that asks for scopes or claims is refused (`invalid_input`) before any request;
 * - `value` is the secret on the create answer only, `{ last_four }` afterwards.
 *
 * A key that never expires is created with `expires_at_millis: null`, as Stack's create schema
 * requires.
 *
 * ```ts
 * const fetcher = createStackFetcher({
 *   baseUrl: 'https://api.stack-auth.com',
 *   projectId: process.env.NEXT_PUBLIC_STACK_PROJECT_ID!,
 *   publishableClientKey: process.env.NEXT_PUBLIC_STACK_PUBLISHABLE_CLIENT_KEY!,
 *   getAccessToken: async () => (await user.getAuthJson()).accessToken,
 * })
 * ```
 */
export function createStackFetcher(
  options: StackFetcherOptions,
): Omit<Required<ApiKeysFetcher>, 'roll'> & Required<FetcherSupports> {
  const base = trimBase(options.baseUrl)
  const fetchFn = options.fetch ?? globalFetch

  async function send(
    method: JsonRequest['method'],
    path: string,
    signal: AbortSignal,
    body?: unknown,
  ): Promise<unknown> {
    const accessToken = await options.getAccessToken()
    if (!accessToken) throw new ApiKeysError('unauthenticated')
    const headers = {
      'x-stack-project-id': options.projectId,
      'x-stack-publishable-client-key': options.publishableClientKey,
      'x-stack-access-type': 'client',
      'x-stack-access-token': accessToken,
    }
    return sendJson(fetchFn, { method, url: `${base}${path}`, headers, body, signal })
  }

  // Stack's SDK names the owner on every request; the backend requires `team_id` on each team-key route.
  const owner = (kind: SubjectKind, subject: string): Record<string, string> =>
    kind === 'user' ? { user_id: 'me' } : { team_id: subject }
  const keyPath = (params: SubjectParams & { apiKeyId: string }): string =>
    `${COLLECTION[params.subjectKind]}/${encodeURIComponent(params.apiKeyId)}${queryString(owner(params.subjectKind, params.subject))}`

  return {
    supports: { scopes: false, description: false },

    async list(params: ListKeysParams) {
      const path = COLLECTION[params.subjectKind] + queryString(owner(params.subjectKind, params.subject))
      const answer = await send('GET', path, params.signal)
      const now = Date.now()
      const query = params.query.trim().toLowerCase()
      const matches = itemsOf(answer)
        .map((item) => toResource(item, params, now))
        .filter(
          (key) =>
            (query === '' || key.name.toLowerCase().includes(query)) && matchesStatusFilter(key, params.status, now),
        )
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      const start = (Math.max(1, params.page) - 1) * params.pageSize
      return { data: matches.slice(start, start + params.pageSize), totalCount: matches.length }
    },

    async create(params: CreateKeyParams) {
      refuseUnstorable(params, 'Stack Auth', ['scopes', 'claims', 'description'])
      const seconds = params.secondsUntilExpiration
      const body = {
        ...owner(params.subjectKind, params.subject),
        description: params.name,
        // Stack's create schema requires the field: null is a key that never expires.
        expires_at_millis: seconds === null ? null : Date.now() + seconds * 1000,
        is_public: false,
      }
      return toCreated(await send('POST', COLLECTION[params.subjectKind], params.signal, body), params, Date.now())
    },

    async revoke(params: RevokeKeyParams) {
      const answer = await send('PATCH', keyPath(params), params.signal, { revoked: true })
      return toResource(answer, params, Date.now())
    },

    async update(params: UpdateKeyParams) {
      refuseUnstorable(params, 'Stack Auth', ['description'])
      const path = keyPath(params)
      // Only the name maps to a Stack field (its description); with nothing to change, read the key.
      const answer =
        params.name === undefined
          ? await send('GET', path, params.signal)
          : await send('PATCH', path, params.signal, { description: params.name })
      return toResource(answer, params, Date.now())
    },
  }
}
