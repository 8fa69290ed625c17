import { DEFAULT_ERROR_MESSAGES } from '../../core/error-messages'
import {
  ApiKeysError,
  NETWORK_MESSAGE,
  type ApiKeysErrorCode,
  type ValidatedField,
  type ValidationIssue,
  type ValidationReason,
} from '../../core/errors'

const TRUSTED_CODES = new Set<string>([
  'invalid_input',
  'not_found',
  'forbidden',
  'conflict',
  'rate_limited',
] satisfies ApiKeysErrorCode[])
const FIELDS = new Set<string>([
  'name',
  'description',
  'secondsUntilExpiration',
  'scopes',
  'claims',
  'revocationReason',
  'gracePeriodSeconds',
] satisfies ValidatedField[])
const REASONS = new Set<string>([
  'required',
  'too_long',
  'too_many',
  'invalid',
  'not_positive_integer',
  'too_far',
  'in_past',
  'not_visible',
  'direction_control',
  'line_break',
  'stacked_marks',
] satisfies ValidationReason[])

/**
 * The kit's code for an HTTP status: 400/413/415/422 `invalid_input`, 401/403 `forbidden`,
 * 404/410 `not_found`, 409 `conflict`, 429 `rate_limited`, anything else `unknown`.
 */
export function codeForStatus(status: number): ApiKeysErrorCode {
  if (status === 400 || status === 413 || status === 415 || status === 422) return 'invalid_input'
  if (status === 401 || status === 403) return 'forbidden'
  if (status === 404 || status === 410) return 'not_found'
  if (status === 409) return 'conflict'
  if (status === 429) return 'rate_limited'
  return 'unknown'
}

/** Seconds to wait from a `Retry-After` header (delay in seconds or an HTTP date), if it has one. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined
  const text = value.trim()
  if (/^\d{1,9}$/.test(text)) return Number(text)
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The issues of a problem body the kit understands; fields it does not know are left out. */
function issuesOf(value: unknown): ValidationIssue[] {
  if (!Array.isArray(value)) return []
  const issues: ValidationIssue[] = []
  for (const item of value) {
    if (!isRecord(item) || typeof item.field !== 'string' || !FIELDS.has(item.field)) continue
    const reason =
      typeof item.reason === 'string' && REASONS.has(item.reason) ? (item.reason as ValidationReason) : 'invalid'
    const limit = typeof item.limit === 'number' && Number.isFinite(item.limit) ? item.limit : undefined
    issues.push({ field: item.field as ValidatedField, reason, ...(limit === undefined ? {} : { limit }) })
  }
  return issues
}

async function readProblem(response: Response): Promise<Record<string, unknown> | null> {
  const type = response.headers.get('content-type') ?? ''
  if (!/^application\/problem\+json\b/i.test(type.trim())) return null
  try {
    const body: unknown = await response.json()
    return isRecord(body) ? body : null
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
 * where `rules.problemJson` allows it, else a fixed message for the code: never the raw body.
 * `ApiKeysError` removes anything shaped like a secret from the message in any case.
 */
export async function errorFromResponse(response: Response, rules: ErrorBodyRules = {}): Promise<ApiKeysError> {
  const status = response.status
  const retryAfterSeconds = status === 429 ? parseRetryAfter(response.headers.get('retry-after')) : undefined
  const problem = rules.problemJson ? await readProblem(response) : null
  if (!problem) await response.body?.cancel().catch(() => undefined)
  // A problem's own code is trusted for a refusal (4xx); a fault of the server (5xx) stays `unknown`.
  const problemCode = typeof problem?.code === 'string' ? problem.code : ''
  const trusted = status >= 400 && status < 500 && TRUSTED_CODES.has(problemCode)
  const code = trusted ? (problemCode as ApiKeysErrorCode) : codeForStatus(status)
  const detail =
    typeof problem?.detail === 'string' && problem.detail.trim() !== ''
      ? problem.detail.slice(0, 300)
      : DEFAULT_ERROR_MESSAGES[code]
  return new ApiKeysError(code, detail, {
    status,
    issues: issuesOf(problem?.issues),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  })
}

/** The error for a request that never got an answer (DNS, refused connection, CORS, offline). */
export function networkError(cause: unknown): ApiKeysError {
  return new ApiKeysError('network', NETWORK_MESSAGE, { cause })
}

/** The error for an OK answer whose body is not what the API documents (status 502, as a gateway would). */
export function unexpectedAnswer(what: string): ApiKeysError {
  return new ApiKeysError('unknown', `The server answered in an unexpected format (${what}).`, { status: 502 })
}
