import { isApiKeysError, type ApiKeysError, type ApiKeysErrorCode } from '../../core/errors'
import { redactSecrets } from '../../core/key-format'
import { isStoreUnavailable } from '../stores/errors'
import { enMessages } from '../../i18n/en'
import { enErrorMessages } from '../../i18n/en-errors'

/** One refused field or parameter of a request, in a problem body. */
export interface ProblemIssue {
  field: string
  reason: string
  limit?: number
}

/** An RFC 9457 problem body with the kit's error code. */
export interface ProblemBody {
  type: string
  title: string
  status: number
  code: ApiKeysErrorCode
  detail: string
  issues?: ProblemIssue[]
  /** Why `requireApiKey` refused a key: `missing` or a verify code. */
  reason?: string
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
}

/** Headers every response of the kit carries: nothing it answers may be cached (secrets travel in it). */
const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const

/** A problem the HTTP layer raises itself (bad JSON, unknown fields, oversized bodies...). */
export class HttpProblem extends Error {
  readonly status: number
  readonly code: ApiKeysErrorCode
  readonly issues: ProblemIssue[]
  readonly headers: Record<string, string>

  constructor(
    status: number,
    code: ApiKeysErrorCode,
    detail: string,
    extra: { issues?: ProblemIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(redactSecrets(detail))
    this.name = 'HttpProblem'
    this.status = status
    this.code = code
    this.issues = extra.issues ?? []
    this.headers = extra.headers ?? {}
  }
}

/** The detail of a 500: nothing about the cause, which only `onError` hears of. */
export const SERVER_FAULT_DETAIL = 'The server could not complete the request.'

/** What a problem answer is made of: status, headers and the JSON text, for a Fetch Response or a Node response alike. */
export interface ProblemParts {
  status: number
  headers: Record<string, string>
  body: string
}

/** The parts of an `application/problem+json` answer; without a detail, the English sentence for the code. */
export function problemParts(
  init: { status: number; code: ApiKeysErrorCode; detail?: string; issues?: ProblemIssue[]; reason?: string },
  headers: Record<string, string> = {},
): ProblemParts {
  const body: ProblemBody = {
    type: `urn:react-api-keys:problem:${init.code}`,
    title: TITLES[init.status] ?? 'Error',
    status: init.status,
    code: init.code,
    detail: redactSecrets(init.detail ?? enErrorMessages[init.code]),
    ...(init.issues && init.issues.length > 0
      ? { issues: init.issues.map((issue) => ({ ...issue, field: redactSecrets(issue.field).slice(0, 64) })) }
      : {}),
    ...(init.reason === undefined ? {} : { reason: init.reason }),
  }
  return {
    status: init.status,
    headers: { 'content-type': 'application/problem+json', ...NO_STORE, ...headers },
    body: JSON.stringify(body),
  }
}

/** An `application/problem+json` response; without a detail, the English sentence for the code. */
export function problemResponse(
  init: { status: number; code: ApiKeysErrorCode; detail?: string; issues?: ProblemIssue[]; reason?: string },
  headers: Record<string, string> = {},
): Response {
  const parts = problemParts(init, headers)
  return new Response(parts.body, { status: parts.status, headers: parts.headers })
}

/**
 * The detail of a refused input: what is wrong with each field, in the sentences the components
 * show in English ("Name must contain a visible character."), else the error's own message.
 */
function inputDetail(error: ApiKeysError): string {
  if (error.code !== 'invalid_input' || error.issues.length === 0) return error.message
  const sentences = error.issues.map(({ field, reason, limit }) =>
    enMessages.validation(enMessages.field[field], reason, limit),
  )
  return [...new Set(sentences)].join(' ')
}

/**
 * The problem response for anything thrown while handling a request. The kit's own errors keep
 * their code, status and issues; anything else is a 500 whose detail says nothing about the cause.
 */
export function problemFromError(error: unknown, onError?: (error: unknown) => void): Response {
  if (error instanceof HttpProblem) {
    return problemResponse(
      { status: error.status, code: error.code, detail: error.message, issues: error.issues },
      error.headers,
    )
  }
  if (isApiKeysError(error) && error.code !== 'unknown' && error.code !== 'network') {
    const headers: Record<string, string> =
      error.retryAfterSeconds === undefined ? {} : { 'retry-after': String(error.retryAfterSeconds) }
    return problemResponse(
      {
        status: error.status,
        code: error.code,
        detail: inputDetail(error),
        issues: error.issues.map(({ field, reason, limit }) => ({
          field,
          reason,
          ...(limit === undefined ? {} : { limit }),
        })),
      },
      headers,
    )
  }
  onError?.(error)
  if (isStoreUnavailable(error)) {
    // The database is restarting or unreachable: worth trying again shortly, unlike a 500.
    return problemResponse({ status: 503, code: 'unavailable' }, { 'retry-after': String(error.retryAfterSeconds) })
  }
  return problemResponse({ status: 500, code: 'unknown', detail: SERVER_FAULT_DETAIL })
}

/** A JSON response that is never cached. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
  })
}
