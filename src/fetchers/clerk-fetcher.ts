import { ApiKeysError } from '../core/errors'
import type { ApiKeysFetcher, CreateKeyParams, FetcherSupports, ListKeysParams, RevokeKeyParams } from '../core/fetcher'
import { lastFourOf } from '../core/key-format'
import { isExpiredAt, matchesStatusFilter } from '../core/key-status'
import type { APIKeyResource, APIKeysPage, CreatedAPIKey } from '../core/types'
import { JsonReader } from './http/json'
import { globalFetch, queryString, sendJson, trimBase, type FetchFunction, type JsonRequest } from './http/request'
import { refuseUnstorable } from './http/unsupported'

/** Options of {@link createClerkFetcher}. */
export interface ClerkFetcherOptions {
  /**
   * Your Clerk Frontend API origin, without a version: e.g. `https://clerk.example.com`, or a
   * development instance's `https://<name>.clerk.accounts.dev` (`/api_keys` is added at its root, as
   * Clerk's own `clerk.apiKeys` calls it).
   */
  baseUrl: string
  /** The session token (`Authorization: Bearer …`), e.g. Clerk's `getToken()`; null when signed out. */
  getToken: () => string | null | Promise<string | null>
  /**
   * Development instances only: the dev browser token, sent as the `__clerk_db_jwt` query parameter on
   * every request as Clerk's own client sends it (Clerk keeps it in the `__clerk_db_jwt` cookie). Leave
   * it out, or answer null, for a production instance.
   */
  getDevBrowserJwt?: () => string | null | undefined | Promise<string | null | undefined>
  /** The `fetch` to use (default the global one). */
  fetch?: FetchFunction
}

/** Keys read per request when the list is filtered by status on the client. */
const SCAN_PAGE_SIZE = 100
/** Most keys read to filter a list by status on the client. */
const MAX_SCANNED_KEYS = 1000

/** A Clerk key (`ApiKeyJSON`: snake_case, times in milliseconds, 0 read as unset as Clerk's SDK does) as the kit's resource. */
function toResource(value: unknown, now: number): APIKeyResource {
  const json = new JsonReader(value, 'api key')
  const createdAt = json.millisDate('created_at')
  const updatedAt = json.has('updated_at') ? json.millisDate('updated_at') : createdAt
  const secondsLeft = json.has('seconds_until_expiration') ? json.number('seconds_until_expiration') : null
  const expiration =
    json.unsetOrMillisDate('expiration') ??
    (secondsLeft === null ? null : new Date(createdAt.getTime() + secondsLeft * 1000))
  const revoked = json.optionalBoolean('revoked') ?? false
  const secret = json.optionalString('secret')
  return {
    id: json.string('id'),
    type: json.has('type') ? json.string('type') : 'api_key',
    name: json.string('name'),
    subject: json.string('subject'),
    description: json.optionalString('description'),
    claims: json.optionalObject('claims'),
    scopes: json.strings('scopes'),
    createdAt,
    createdBy: json.optionalString('created_by'),
    updatedAt,
    expiration,
    expired: json.optionalBoolean('expired') ?? isExpiredAt({ expiration }, now),
    revoked,
    // Clerk has no revocation time; the last update of a revoked key is the closest it tells.
    revokedAt: revoked ? updatedAt : null,
    revocationReason: json.optionalString('revocation_reason'),
    lastUsedAt: json.unsetOrMillisDate('last_used_at'),
    // No `rolledFrom` / `replacedBy`: Clerk has no roll, so no key is linked to another.
    prefix: null,
    lastFour: secret === null ? '' : lastFourOf(secret),
  }
}

function toPage(value: unknown, now: number): APIKeysPage {
  const json = new JsonReader(value, 'page')
  return { data: json.array('data').map((item) => toResource(item, now)), totalCount: json.number('total_count') }
}

/**
 * A fetcher for Clerk's Frontend API key endpoints, called as Clerk's own `clerk.apiKeys` calls them,
 * at the root of the Frontend API (no `/v1`): `GET /api_keys?subject&query&limit&offset` answering
 * `{ data, total_count }`, `POST /api_keys` with `type, name, subject, description,
 * seconds_until_expiration`, and `POST /api_keys/{id}/revoke` with `revocation_reason`; each with
 * `Authorization: Bearer <token>`, and `?__clerk_db_jwt=` on a development instance.
 *
 * What Clerk's endpoints do not have, the fetcher makes up for or leaves out:
 * - a listed key does not show any part of its secret, so `lastFour` is `''` (the create answer has
 *   the secret, so there it is filled in), and `prefix` is null;
 * - there is no status filter: with `status` set, `list` reads up to 1,000 of the subject's matching
 *   keys and filters and pages them on the client;
 * - there is no revocation time: a revoked key's `revokedAt` is its `updated_at`;
 * - the Frontend API takes no scopes or claims on create: `supports.scopes` is false, so the create
 *   dialog offers none, and a create that asks for scopes or claims is refused (`invalid_input`)
 *   before any request; keys read back still show the scopes and claims they have;
 * - no update and no roll.
 *
 * ```ts
 * const { getToken } = useAuth()
 * const fetcher = useMemo(() => createClerkFetcher({ baseUrl: 'https://clerk.example.com', getToken }), [getToken])
 * ```
 */
export function createClerkFetcher(
  options: ClerkFetcherOptions,
): Pick<Required<ApiKeysFetcher>, 'list' | 'create' | 'revoke'> & Required<FetcherSupports> {
  const base = trimBase(options.baseUrl)
  // The kit's docs once asked for the versioned URL; clerk-js calls `/api_keys` at the root.
  if (/\/v1$/.test(base)) {
    throw new Error(
      `createClerkFetcher: baseUrl is your Frontend API without /v1 (Clerk's API key endpoints are at its root), e.g. ${base.slice(0, -3)}`,
    )
  }
  const fetchFn = options.fetch ?? globalFetch

  async function send(
    method: JsonRequest['method'],
    path: string,
    signal: AbortSignal,
    body?: unknown,
  ): Promise<unknown> {
    const token = await options.getToken()
    if (!token) throw new ApiKeysError('unauthenticated')
    const url = new URL(`${base}${path}`)
    const devBrowserJwt = await options.getDevBrowserJwt?.()
    if (devBrowserJwt) url.searchParams.set('__clerk_db_jwt', devBrowserJwt)
    return sendJson(fetchFn, {
      method,
      url: url.toString(),
      headers: { authorization: `Bearer ${token}` },
      body,
      signal,
    })
  }

  async function page(params: ListKeysParams, limit: number, offset: number): Promise<APIKeysPage> {
    const query = queryString({
      subject: params.subject,
      query: params.query === '' ? undefined : params.query,
      limit,
      offset,
    })
    return toPage(await send('GET', `/api_keys${query}`, params.signal), Date.now())
  }

  return {
    supports: { scopes: false },

    async list(params: ListKeysParams) {
      const first = (Math.max(1, params.page) - 1) * params.pageSize
      const status = params.status
      if (status === undefined) return page(params, params.pageSize, first)
      const scanned: APIKeyResource[] = []
      for (let offset = 0; offset < MAX_SCANNED_KEYS; offset += SCAN_PAGE_SIZE) {
        const answer = await page(params, SCAN_PAGE_SIZE, offset)
        scanned.push(...answer.data)
        if (answer.data.length < SCAN_PAGE_SIZE || offset + SCAN_PAGE_SIZE >= answer.totalCount) break
      }
      const now = Date.now()
      const matches = scanned.filter((key) => matchesStatusFilter(key, status, now))
      return { data: matches.slice(first, first + params.pageSize), totalCount: matches.length }
    },

    async create(params: CreateKeyParams) {
      refuseUnstorable(params, 'Clerk', ['scopes', 'claims'])
      // Exactly the fields Clerk's own client sends; the Frontend API is not documented to take others.
      const body = {
        type: 'api_key',
        name: params.name,
        subject: params.subject,
        description: params.description,
        seconds_until_expiration: params.secondsUntilExpiration,
      }
      const answer = await send('POST', '/api_keys', params.signal, body)
      const key = toResource(answer, Date.now())
      const secret = new JsonReader(answer, 'api key').string('secret')
      return { ...key, secret } satisfies CreatedAPIKey
    },

    async revoke(params: RevokeKeyParams) {
      const path = `/api_keys/${encodeURIComponent(params.apiKeyId)}/revoke`
      return toResource(
        await send('POST', path, params.signal, { revocation_reason: params.revocationReason }),
        Date.now(),
      )
    },
  }
}
