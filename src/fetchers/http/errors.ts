import {
  ApiKeysError,
  isOneOf,
  VALIDATED_FIELDS,
  VALIDATION_REASONS,
  type ApiKeysErrorCode,
  type ValidationIssue,
} from '../../core/errors'
import { isJsonObject, type JsonObject } from './json-object'

/** The codes a refusal (4xx) of the kit's own server is believed with; anything else goes by its status. */
const TRUSTED_CODES = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
] as const satisfies readonly ApiKeysErrorCode[]

/** The statuses that say how long to wait in `Retry-After`. */
const WAIT_STATUSES = new Set([429, 503])

/**
 * The kit's code for an HTTP status: 400/413/415/422 `invalid_input`, 401 `unauthenticated`, 403
 * `forbidden`, 404/410 `not_found`, 409 `conflict`, 429 `rate_limited`, 501 `unsupported`,
 * 503 `unavailable`, anything else `unknown`.
 */
function codeForStatus(status: number): ApiKeysErrorCode {
  if (status === 400 || status === 413 || status === 415 || status === 422) return 'invalid_input'
  if (status === 401) return 'unauthenticated'
  if (status === 403) return 'forbidden'
  if (status === 404 || status === 410) return 'not_found'
  if (status === 409) return 'conflict'
  if (status === 429) return 'rate_limited'
  if (status === 501) return 'unsupported'
  if (status === 503) return 'unavailable'
  return 'unknown'
}

/** Seconds to wait from a `Retry-After` header (delay in seconds or an HTTP date), if it has one. */
function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined
  const text = value.trim()
  if (/^\d{1,9}$/.test(text)) return Number(text)
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

/** The issues of a problem body the kit understands; fields it does not know are left out. */
function issuesOf(value: unknown): ValidationIssue[] {
  if (!Array.isArray(value)) return []
  const issues: ValidationIssue[] = []
  for (const item of value) {
    if (!isJsonObject(item) || !isOneOf(VALIDATED_FIELDS, item.field)) continue
    const reason = isOneOf(VALIDATION_REASONS, item.reason) ? item.reason : 'invalid'
    const limit = typeof item.limit === 'number' && Number.isFinite(item.limit) ? item.limit : undefined
    issues.push({ field: item.field, reason, ...(limit === undefined ? {} : { limit }) })
  }
  return issues
}

async function readProblem(response: Response): Promise<JsonObject | null> {
  const type = response.headers.get('content-type') ?? ''
  if (!/^application\/problem\+json\b/i.test(type.trim())) return null
  try {
    const body: unknown = await response.json()
    return isJsonObject(body) ? body : null
  } catch {
    return null
  }
}

/** How {@link errorFromResponse} reads an error body. */
export interface ErrorBodyRules {
  /**
   * Read the body as the kit's `application/problem+json` (code, detail, issues). Only for the kit's
   * own server, whose `detail` is written for users; other backends' bodies are never shown.
   */
  problemJson?: boolean
}

/**
 * The {@link ApiKeysError} for a response that is not OK. The message is the problem's `detail`
 * where `rules.problemJson` allows it, else the English sentence for the code: never the raw body.
 * `ApiKeysError` removes anything shaped like a secret from the message in any case.
 */
export async function errorFromResponse(response: Response, rules: ErrorBodyRules = {}): Promise<ApiKeysError> {
  const status = response.status
  const retryAfterSeconds = WAIT_STATUSES.has(status) ? parseRetryAfter(response.headers.get('retry-after')) : undefined
  const problem = rules.problemJson ? await readProblem(response) : null
  if (!problem) await response.body?.cancel().catch(() => undefined)
  // A problem's own code is believed for a refusal (4xx); a fault of the server (5xx) goes by its status.
  const problemCode = problem?.code
  const refusal = status >= 400 && status < 500
  const code = refusal && isOneOf(TRUSTED_CODES, problemCode) ? problemCode : codeForStatus(status)
  const detail =
    typeof problem?.detail === 'string' && problem.detail.trim() !== '' ? problem.detail.slice(0, 300) : undefined
  return new ApiKeysError(code, detail, {
    status,
    issues: issuesOf(problem?.issues),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  })
}

/** The error for a request that never got an answer (DNS, refused connection, CORS, offline). */
export function networkError(cause: unknown): ApiKeysError {
  return new ApiKeysError('network', undefined, { cause })
}

/** The error for an OK answer whose body is not what the API documents (status 502, as a gateway would). */
export function unexpectedAnswer(what: string): ApiKeysError {
  return new ApiKeysError('unknown', `The server answered in an unexpected format (${what}).`, { status: 502 })
}
