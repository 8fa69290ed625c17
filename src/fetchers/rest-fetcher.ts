import type {
  ApiKeysFetcher,
  CreateKeyParams,
  FetcherSupports,
  ListKeysParams,
  RevokeKeyParams,
  RollKeyParams,
  RollKeyResult,
  UpdateKeyParams,
} from '../core/fetcher'
import { fromKeyJson } from '../core/key-json'
import type { APIKeyResource, APIKeysPage, CreatedAPIKey } from '../core/types'
import { JsonReader } from './http/json'
import { readKeyJson } from './http/key-json'
import { globalFetch, queryString, sendJson, trimBase, type FetchFunction, type JsonRequest } from './http/request'

/** Headers sent with every request, or a function that gives them (called before each request). */
export type RestFetcherHeaders =
  Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>)

/** Options of {@link createRestFetcher}. */
export interface RestFetcherOptions {
  /** Where the kit's handler is mounted: its `basePath`, relative (`/api`) or absolute (`https://example.com/api`). */
  baseUrl: string
  /** The `fetch` to use (default the global one). */
  fetch?: FetchFunction
  /** Extra headers for every request, such as a CSRF token. */
  headers?: RestFetcherHeaders
  /** A bearer token for every request (`Authorization: Bearer …`); null sends none. */
  getToken?: () => string | null | Promise<string | null>
  /** Whether cookies go along (default `same-origin`; `include` for a cookie session on another origin). */
  credentials?: RequestCredentials
  /**
   * Whether the API filters a list by `hygiene` (default true: the kit's handler does). Give false for
   * an API of your own that does not: `hygiene` is then never sent, `supports.hygiene` is false, and
   * the manager counts hygiene findings on the loaded page only.
   */
  hygiene?: boolean
}

/** A key of the kit's HTTP API (dates as ISO strings) as the kit's resource. */
function toResource(value: unknown): APIKeyResource {
  return fromKeyJson(readKeyJson(value))
}

function toCreated(value: unknown): CreatedAPIKey {
  return { ...toResource(value), secret: new JsonReader(value, 'key').string('secret') }
}

function toPage(value: unknown): APIKeysPage {
  const json = new JsonReader(value, 'page')
  return { data: json.array('data').map(toResource), totalCount: json.number('totalCount') }
}

function toRollResult(value: unknown): RollKeyResult {
  const json = new JsonReader(value, 'roll')
  return { replacement: toCreated(json.raw('replacement')), previous: toResource(json.raw('previous')) }
}

/**
 * A fetcher for the kit's own HTTP API (`createApiKeysHandler` from `react-api-keys/server`), with
 * every method: list, create, revoke, update and roll. Lists and creates name the subject with its
 * kind (`subjectKind`), so a team whose id equals a user's is never taken for that user. Errors keep the server's code, status, issues
 * and `Retry-After`; a request that gets no answer rejects with a `network` error; an abort rejects
 * with the `AbortError`. Nothing is retried, so a create is sent exactly once.
 *
 * ```ts
 * const fetcher = createRestFetcher({ baseUrl: '/api' })
 * ```
 */
export function createRestFetcher(options: RestFetcherOptions): Required<ApiKeysFetcher> & FetcherSupports {
  const base = trimBase(options.baseUrl)
  const hygiene = options.hygiene ?? true
  const fetchFn = options.fetch ?? globalFetch
  const credentials = options.credentials ?? 'same-origin'

  async function headers(): Promise<Record<string, string>> {
    const extra = typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {})
    const token = options.getToken ? await options.getToken() : null
    return token ? { ...extra, authorization: `Bearer ${token}` } : { ...extra }
  }

  async function send(
    method: JsonRequest['method'],
    path: string,
    signal: AbortSignal,
    body?: unknown,
  ): Promise<unknown> {
    return sendJson(
      fetchFn,
      { method, url: `${base}${path}`, headers: await headers(), body, signal, credentials },
      { problemJson: true },
    )
  }

  const keyPath = (apiKeyId: string, action = ''): string => `/api-keys/${encodeURIComponent(apiKeyId)}${action}`

  return {
    supports: { hygiene },

    async list(params: ListKeysParams) {
      const query = queryString({
        subject: params.subject,
        subjectKind: params.subjectKind,
        query: params.query === '' ? undefined : params.query,
        status: params.status,
        // An API that does not know the parameter would refuse it (the kit's handler refuses unknown ones).
        hygiene: hygiene ? params.hygiene : undefined,
        page: params.page,
        pageSize: params.pageSize,
      })
      return toPage(await send('GET', `/api-keys${query}`, params.signal))
    },

    async create(params: CreateKeyParams) {
      const body = {
        subject: params.subject,
        subjectKind: params.subjectKind,
        name: params.name,
        description: params.description,
        secondsUntilExpiration: params.secondsUntilExpiration,
        scopes: params.scopes,
        claims: params.claims,
      }
      return toCreated(await send('POST', '/api-keys', params.signal, body))
    },

    async revoke(params: RevokeKeyParams) {
      const body = params.revocationReason === null ? {} : { revocationReason: params.revocationReason }
      return toResource(await send('POST', keyPath(params.apiKeyId, '/revoke'), params.signal, body))
    },

    async update(params: UpdateKeyParams) {
      const body: { name?: string; description?: string | null } = {}
      if (params.name !== undefined) body.name = params.name
      if (params.description !== undefined) body.description = params.description
      return toResource(await send('PATCH', keyPath(params.apiKeyId), params.signal, body))
    },

    async roll(params: RollKeyParams) {
      const body = { gracePeriodSeconds: params.gracePeriodSeconds }
      return toRollResult(await send('POST', keyPath(params.apiKeyId, '/roll'), params.signal, body))
    },
  }
}
