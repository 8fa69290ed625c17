/**
 * The HTTP API of the kit, for any runtime with the Fetch API. Paths are under `basePath`
 * (default ``); bodies and answers are JSON with dates as ISO 8601 strings; every error is
 * `application/problem+json` `{ type, title, status, code, detail, issues? }` with the kit's
 * error code. Nothing is cacheable (`Cache-Control: no-store`).
 *
 * | Method | Path                          | Body                                                                   | Answer |
 * |--------|-------------------------------|------------------------------------------------------------------------|--------|
 * | GET    | /api-keys?subject=&subjectKind=&query=&status=&hygiene=&page=&pageSize= | -                            | 200 `{ data, totalCount }` |
 * | POST   | /api-keys                     | `{ subject?, subjectKind?, name, description?, secondsUntilExpiration?, scopes?, claims? }` | 201 key with `secret`, `Location` |
 * | GET    | /api-keys/:id                 | -                                                                      | 200 key |
 * | PATCH  | /api-keys/:id                 | `{ name?, description? }`                                              | 200 key |
 * | POST   | /api-keys/:id/revoke          | `{ revocationReason? }` or empty                                       | 200 key |
 * | POST   | /api-keys/:id/roll            | `{ gracePeriodSeconds }`                                               | 200 `{ replacement (with secret), previous }` |
 *
 * `status` is `active`, `expired` or `revoked`; `hygiene` is `expiring-this-week` or `unused` (the
 * rules of `matchesHygiene`), counted in `totalCount` like any filter.
 *
 * `subject` defaults to the caller's user id. A key's owner is the pair `(subjectKind, subject)`,
 * `subjectKind` being `user` or `team` (left out: `user` for the caller's own id, else `team`); keys
 * answer with both. A caller reaches their own keys (kind `user`) and those of teams where they hold
 * exactly `$manage_api_keys`; any other owner or key id answers 404, exactly as a key that does not
 * exist. What `authenticate` returns is checked (`userId` a non-empty string, `teams` an array of
 * `{ id, permissions: string[] }`); anything else is a 500 told to `onError`, never a grant.
 *
 * Statuses: 400 invalid input (bad JSON, wrong types, unknown fields or query
 * parameters), 401 no caller, 403 a state-changing request from an origin not allowed (CSRF),
 * 404, 405, 409 name taken or key not rollable, 413 body over 16 KiB, 415 body not JSON (a
 * POST or PATCH needs `Content-Type: application/json` even without a body), 429 create-and-roll rate limit
 * (with `Retry-After`), 500 only for faults of the server, 503 `unavailable` while the store is down
 * (with `Retry-After`). 401 is `unauthenticated`, 403 `forbidden`.
 */
import { isApiKeysError } from '../../core/errors'
import { toKeyJson, toPageJson, toRollResultJson } from '../../core/key-json'
import { isSubjectKind, type APIKeyResource } from '../../core/types'
import { validateGracePeriod } from '../../core/validation'
import type { ApiKeyService } from '../service/api-key-service'
import {
  checkSubject,
  INVALID_HYGIENE_DETAIL,
  INVALID_STATUS_DETAIL,
  isHygieneFilter,
  isStatusFilter,
} from '../service/list-params'
import type { SubjectRef } from '../stores/types'
import { checkCreateFields } from '../service/create-input'
import type { RateLimiter, RateLimitOptions } from '../service/rate-limiter'
import { readJsonObject, MAX_BODY_BYTES } from './body'
import { canManageSubject, checkCaller, type ApiKeysCaller, type Authenticate } from './caller'
import { refuseForgedRequest, toOriginSet } from './csrf'
import { rememberErrorListener } from './error-listeners'
import { HttpProblem, jsonResponse, problemFromError, problemResponse } from './problem'
import { matchRoute, normalizeBasePath, type Route } from './routes'

/** Options of {@link createApiKeysHandler}. */
export interface ApiKeysHandlerOptions {
  service: ApiKeyService
  /** Resolves the caller from the request (session cookie, JWT...), or null for 401. */
  authenticate: Authenticate
  /** Prefix of every route, e.g. `/api` for `/api/api-keys` (default none). */
  basePath?: string
  /**
   * One budget per caller for creates and rolls (both mint a usable key), charged only for a valid
   * request: its options (default 10 per 60 s), held by every instance together on a PostgreSQL store
   * and per process on the others; a limiter of your own; or false for none.
   */
  createRateLimit?: RateLimitOptions | RateLimiter | false
  /** Largest body read, in bytes (default 16 KiB). */
  maxBodyBytes?: number
  /** Told about unexpected errors (answered 500 without detail), for your logs. */
  onError?: (error: unknown) => void
  /**
   * Origins besides the request URL's own (`https://app.example.com`) whose pages may create,
   * change, revoke and roll keys with the user's cookies. Any other origin's request is refused
   * with 403, and every such request needs `Content-Type: application/json` (415): see "CSRF".
   */
  allowedOrigins?: readonly string[]
}

/** A Fetch API request handler. */
export type FetchHandler = (request: Request) => Promise<Response>

const LIST_PARAMS = ['subject', 'subjectKind', 'query', 'status', 'hygiene', 'page', 'pageSize'] as const
const CREATE_FIELDS = [
  'subject',
  'subjectKind',
  'name',
  'description',
  'secondsUntilExpiration',
  'scopes',
  'claims',
] as const

const notFound = (): HttpProblem => new HttpProblem(404, 'not_found', 'That API key does not exist.')

function badParam(field: string, reason: string, detail: string): HttpProblem {
  return new HttpProblem(400, 'invalid_input', detail, { issues: [{ field, reason }] })
}

function parseListParams(url: URL): Record<(typeof LIST_PARAMS)[number], string | undefined> {
  const values: Partial<Record<(typeof LIST_PARAMS)[number], string>> = {}
  for (const name of new Set(url.searchParams.keys())) {
    if (!(LIST_PARAMS as readonly string[]).includes(name)) {
      throw badParam(name, 'unknown', `Unknown query parameter. Allowed: ${LIST_PARAMS.join(', ')}.`)
    }
    const all = url.searchParams.getAll(name)
    if (all.length > 1) throw badParam(name, 'invalid', `Give ${name} once.`)
    values[name as (typeof LIST_PARAMS)[number]] = all[0]
  }
  const { subject, subjectKind, query, status, hygiene, page, pageSize } = values
  return { subject, subjectKind, query, status, hygiene, page, pageSize }
}

/** The owner of a key the caller may manage. */
const ownerOf = (key: SubjectRef): SubjectRef => ({ subject: key.subject, subjectKind: key.subjectKind })

function parseCount(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d{1,7}$/.test(value)) throw badParam(field, 'invalid', `${field} must be a whole number.`)
  return Number(value)
}

/**
 * The create-and-roll limiter the option asks for, or null for none. Options (or none) get the
 * service's own limiter: shared by every instance on PostgreSQL, in process memory otherwise.
 */
function limiterOf(
  option: RateLimitOptions | RateLimiter | false | undefined,
  service: ApiKeyService,
): RateLimiter | null {
  if (option === false) return null
  if (option !== undefined && 'take' in option) return option
  return service.rateLimiter(option ?? {})
}

/**
 * The owner a list or create is about: the caller's own keys unless another is named. `subjectKind`
 * says whether `subject` is a user or a team; left out, it is `'user'` for the caller's own id and
 * `'team'` for any other. Either way the kind is part of the owner, so a team never reaches the keys
 * of a user with the same id.
 */
function subjectFor(caller: ApiKeysCaller, requested: unknown, requestedKind: unknown): SubjectRef {
  if (requestedKind !== undefined && !isSubjectKind(requestedKind)) {
    throw badParam('subjectKind', 'invalid', "The subject kind must be 'user' or 'team'.")
  }
  if (requested === undefined) {
    if (requestedKind === 'team') throw badParam('subject', 'required', "Name the team's id as subject.")
    return { subject: caller.userId, subjectKind: 'user' }
  }
  if (typeof requested !== 'string') throw badParam('subject', 'invalid', 'The subject must be a string.')
  checkSubject(requested)
  const target: SubjectRef = {
    subject: requested,
    subjectKind: requestedKind ?? (requested === caller.userId ? 'user' : 'team'),
  }
  if (!canManageSubject(caller, target)) throw new HttpProblem(404, 'not_found', 'No such subject.')
  return target
}

/**
 * Creates the HTTP handler of the kit's API: `(request) => Promise<Response>`, for Next.js route
 * handlers, Hono, Bun, Deno or Node (through `toNodeHandler`). See the route table above.
 */
export function createApiKeysHandler(options: ApiKeysHandlerOptions): FetchHandler {
  const { service, authenticate, onError } = options
  const basePath = normalizeBasePath(options.basePath ?? '')
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES
  const limiter = limiterOf(options.createRateLimit, service)
  const allowedOrigins = toOriginSet(options.allowedOrigins)

  /** Takes one create-or-roll from the caller's budget, or refuses with 429 and `Retry-After`. */
  async function charge(caller: ApiKeysCaller): Promise<void> {
    const decision = limiter === null ? { allowed: true as const } : await limiter.take(caller.userId)
    if (!decision.allowed) {
      throw new HttpProblem(429, 'rate_limited', 'Too many keys created. Please wait and try again.', {
        headers: { 'retry-after': String(decision.retryAfterSeconds) },
      })
    }
  }

  /** The key, if the caller may manage it (by kind and id); 404 whether it is missing or someone else's. */
  async function keyOfCaller(caller: ApiKeysCaller, apiKeyId: string): Promise<APIKeyResource & SubjectRef> {
    const key = await service.get({ apiKeyId }).catch((error: unknown) => {
      if (isApiKeysError(error) && error.code === 'not_found') return null
      throw error
    })
    // A key with no kind (stored before kinds, not yet attributed) belongs to nobody here.
    if (key === null || key.subjectKind === undefined) throw notFound()
    const owner: SubjectRef = { subject: key.subject, subjectKind: key.subjectKind }
    if (!canManageSubject(caller, owner)) throw notFound()
    return { ...key, ...owner }
  }

  async function serve(route: Route, request: Request, url: URL, caller: ApiKeysCaller): Promise<Response> {
    switch (route.kind) {
      case 'list': {
        const params = parseListParams(url)
        if (params.status !== undefined && !isStatusFilter(params.status)) {
          throw badParam('status', 'invalid', INVALID_STATUS_DETAIL)
        }
        if (params.hygiene !== undefined && !isHygieneFilter(params.hygiene)) {
          throw badParam('hygiene', 'invalid', INVALID_HYGIENE_DETAIL)
        }
        const page = await service.list({
          ...subjectFor(caller, params.subject, params.subjectKind),
          query: params.query ?? '',
          status: params.status,
          hygiene: params.hygiene,
          page: parseCount(params.page, 'page'),
          pageSize: parseCount(params.pageSize, 'pageSize'),
        })
        return jsonResponse(toPageJson(page))
      }
      case 'create': {
        const body = await readJsonObject(request, { allowed: CREATE_FIELDS, maxBytes })
        const owner = subjectFor(caller, body.subject, body.subjectKind)
        const fields = {
          name: body.name,
          description: body.description,
          secondsUntilExpiration: body.secondsUntilExpiration,
          scopes: body.scopes,
          claims: body.claims,
        }
        checkCreateFields(fields)
        await charge(caller)
        const key = await service.create({ ...owner, createdBy: caller.userId, ...fields })
        return jsonResponse(toKeyJson(key), 201, { location: `${basePath}/api-keys/${key.id}` })
      }
      case 'get': {
        return jsonResponse(toKeyJson(await keyOfCaller(caller, route.apiKeyId)))
      }
      case 'update': {
        const body = await readJsonObject(request, { allowed: ['name', 'description'], maxBytes })
        const owner = ownerOf(await keyOfCaller(caller, route.apiKeyId))
        return jsonResponse(toKeyJson(await service.update({ apiKeyId: route.apiKeyId, ...owner, ...body })))
      }
      case 'revoke': {
        const body = await readJsonObject(request, { allowed: ['revocationReason'], optional: true, maxBytes })
        const owner = ownerOf(await keyOfCaller(caller, route.apiKeyId))
        const revoked = await service.revoke({
          apiKeyId: route.apiKeyId,
          ...owner,
          revocationReason: body.revocationReason,
          revokedBy: caller.userId,
        })
        return jsonResponse(toKeyJson(revoked))
      }
      case 'roll': {
        const body = await readJsonObject(request, { allowed: ['gracePeriodSeconds'], maxBytes })
        const owner = ownerOf(await keyOfCaller(caller, route.apiKeyId))
        validateGracePeriod(body.gracePeriodSeconds)
        await charge(caller)
        const rolled = await service.roll({
          apiKeyId: route.apiKeyId,
          ...owner,
          gracePeriodSeconds: body.gracePeriodSeconds,
        })
        return jsonResponse(toRollResultJson(rolled))
      }
    }
  }

  const handler: FetchHandler = async (request) => {
    try {
      const url = new URL(request.url)
      const matched = matchRoute(request.method.toUpperCase(), url.pathname, basePath)
      if (matched.match === 'none') return problemResponse({ status: 404, code: 'not_found', detail: 'No such route.' })
      if (matched.match === 'method_not_allowed') {
        return problemResponse(
          { status: 405, code: 'invalid_input', detail: 'This route does not take that method.' },
          { allow: matched.allow },
        )
      }
      refuseForgedRequest(request, url, allowedOrigins)
      const resolved = await authenticate(request)
      if (resolved === null) return problemResponse({ status: 401, code: 'unauthenticated' })
      const caller = checkCaller(resolved)
      if (matched.match === 'unknown_key') throw notFound()
      return await serve(matched.route, request, url, caller)
    } catch (error) {
      return problemFromError(error, onError)
    }
  }
  return rememberErrorListener(handler, onError)
}
