import { redactSecrets } from './key-format'

/** The stable codes of every error the kit raises or maps a backend's error to. */
export type ApiKeysErrorCode =
  'invalid_input' | 'not_found' | 'forbidden' | 'conflict' | 'rate_limited' | 'network' | 'unknown'

/** A field the kit validates, as named in its inputs. */
export type ValidatedField =
  'name' | 'description' | 'secondsUntilExpiration' | 'scopes' | 'claims' | 'revocationReason' | 'gracePeriodSeconds'

/**
 * Why a field was refused: a reason code that components turn into a localized message. A name may
 * also be refused as `not_visible` (nothing a reader sees), `direction_control` (bidi controls),
 * `line_break` or `stacked_marks` (more marks on one character than `limit`).
 */
export type ValidationReason =
  | 'required'
  | 'too_long'
  | 'too_many'
  | 'invalid'
  | 'not_positive_integer'
  | 'too_far'
  | 'in_past'
  | 'not_visible'
  | 'direction_control'
  | 'line_break'
  | 'stacked_marks'

/** One refused field of an `invalid_input` error. */
export interface ValidationIssue {
  field: ValidatedField
  reason: ValidationReason
  /** The limit that was passed, where there is one (a length, a number of seconds). */
  limit?: number
}

const DEFAULT_STATUS: Record<ApiKeysErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  rate_limited: 429,
  network: 0,
  unknown: 500,
}

/** What an {@link ApiKeysError} may carry besides its code and message. */
export interface ApiKeysErrorOptions {
  status?: number
  issues?: ValidationIssue[]
  /** Seconds to wait before trying again (rate limits). */
  retryAfterSeconds?: number
  /** The error this one stands for; only its {@link ErrorCauseSummary} is kept. */
  cause?: unknown
}

/**
 * What an {@link ApiKeysError} keeps of its cause: the name and code, never the message, stack,
 * parameters or nested causes, which may carry a secret, a hash or a query with both.
 */
export interface ErrorCauseSummary {
  name: string
  code?: string
}

// A name or code worth keeping is a short identifier (`TypeError`, `ECONNREFUSED`, `23505`).
const IDENTIFIER = /^[A-Za-z0-9_$.-]{1,64}$/
// Runs of 32 or more hex digits: a SHA-256 of a secret (64) or any other digest or token.
const LOOKS_LIKE_DIGEST = /[0-9a-fA-F]{32,}/g

/** The name and code of whatever was thrown, with nothing else from it. */
export function summarizeCause(value: unknown): ErrorCauseSummary {
  const fields = typeof value === 'object' && value !== null ? (value as { name?: unknown; code?: unknown }) : {}
  const name =
    typeof fields.name === 'string' && IDENTIFIER.test(fields.name)
      ? fields.name
      : value instanceof Error
        ? 'Error'
        : typeof value
  const code = typeof fields.code === 'string' || typeof fields.code === 'number' ? String(fields.code) : ''
  return IDENTIFIER.test(code) ? { name, code } : { name }
}

/** Text as it may be kept in an error or a log: secrets and anything shaped like a digest of one removed. */
export function redactForErrors(text: string): string {
  return redactSecrets(text).replace(LOOKS_LIKE_DIGEST, '[redacted]')
}

/**
 * The one error type of the kit: a stable `code`, an HTTP-like `status` and a message that is safe
 * to show a user and to log. Anything shaped like a secret or a hash is removed from the message
 * before it is stored, and of a `cause` only its name and code are kept ({@link ErrorCauseSummary}).
 */
export class ApiKeysError extends Error {
  readonly code: ApiKeysErrorCode
  readonly status: number
  readonly issues: ValidationIssue[]
  readonly retryAfterSeconds: number | undefined

  constructor(code: ApiKeysErrorCode, message: string, options: ApiKeysErrorOptions = {}) {
    super(redactForErrors(message), options.cause === undefined ? undefined : { cause: summarizeCause(options.cause) })
    this.name = 'ApiKeysError'
    this.code = code
    this.status = options.status ?? DEFAULT_STATUS[code]
    this.issues = options.issues ?? []
    this.retryAfterSeconds = options.retryAfterSeconds
  }
}

/** Whether `value` is an {@link ApiKeysError}. */
export function isApiKeysError(value: unknown): value is ApiKeysError {
  return value instanceof ApiKeysError
}

/** What a user reads when the server cannot be reached at all. */
export const NETWORK_MESSAGE = 'Could not reach the server. Check your connection and try again.'

function isAbortError(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'AbortError'
}

/**
 * Turns anything thrown by a fetcher into an {@link ApiKeysError}. Aborts and TypeErrors from
 * `fetch` become `network`; everything else `unknown`, with its text redacted.
 */
export function toApiKeysError(value: unknown): ApiKeysError {
  if (value instanceof ApiKeysError) return value
  if (isAbortError(value)) return new ApiKeysError('network', 'The request was cancelled.', { cause: value })
  if (value instanceof TypeError) {
    return new ApiKeysError('network', NETWORK_MESSAGE, { cause: value })
  }
  const text = value instanceof Error ? value.message : typeof value === 'string' ? value : ''
  return new ApiKeysError('unknown', text || 'Something went wrong.', { cause: value })
}

/** Runs a fetcher call and rethrows whatever it throws as an {@link ApiKeysError}. */
export async function asApiKeysError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw toApiKeysError(error)
  }
}
