import { enErrorMessages } from '../i18n/en-errors'
import { redactSecrets } from './key-format'

/**
 * The stable codes of every error the kit raises or maps a backend's error to: `unauthenticated`
 * (nobody is signed in, HTTP 401), `forbidden` (signed in, not allowed, 403), `unsupported` (the
 * backend cannot do it at all, 501), `unavailable` (down for a moment, 503, try again later).
 */
export const API_KEYS_ERROR_CODES = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'unsupported',
  'unavailable',
  'network',
  'unknown',
] as const

/** One of {@link API_KEYS_ERROR_CODES}. */
export type ApiKeysErrorCode = (typeof API_KEYS_ERROR_CODES)[number]

/** Every field the kit validates, as named in its inputs. */
export const VALIDATED_FIELDS = [
  'name',
  'description',
  'secondsUntilExpiration',
  'scopes',
  'claims',
  'revocationReason',
  'gracePeriodSeconds',
] as const

/** A field the kit validates, one of {@link VALIDATED_FIELDS}. */
export type ValidatedField = (typeof VALIDATED_FIELDS)[number]

/**
 * Every reason a field may be refused for. A name may also be refused as `not_visible` (nothing a
 * reader sees), `direction_control` (bidi controls), `line_break` or `stacked_marks` (more marks on
 * one character than `limit`).
 */
export const VALIDATION_REASONS = [
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
] as const

/** Why a field was refused, one of {@link VALIDATION_REASONS}: a code components turn into a localized message. */
export type ValidationReason = (typeof VALIDATION_REASONS)[number]

/** Whether `value` is one of `values` (a `const` list of the kit's names). */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
}

/** One refused field of an `invalid_input` error. */
export interface ValidationIssue {
  field: ValidatedField
  reason: ValidationReason
  /** The limit that was passed, where there is one (a length, a number of seconds). */
  limit?: number
}

const DEFAULT_STATUS: Record<ApiKeysErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unsupported: 501,
  unavailable: 503,
  network: 0,
  unknown: 500,
}

/** What an {@link ApiKeysError} may carry besides its code and message. */
export interface ApiKeysErrorOptions {
  status?: number
  issues?: ValidationIssue[]
  /** Seconds to wait before trying again (`rate_limited`, `unavailable`). */
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
 * The one error type of the kit: a stable `code`, an HTTP-like `status` and an English message for
 * developers and logs (the components show their localized sentence for the code instead: see
 * `src/i18n/messages.ts`). Without a message, the English sentence for the code is used. Anything
 * shaped like a secret or a hash is removed from the message before it is stored, and of a `cause`
 * only its name and code are kept ({@link ErrorCauseSummary}).
 */
export class ApiKeysError extends Error {
  readonly code: ApiKeysErrorCode
  readonly status: number
  readonly issues: ValidationIssue[]
  readonly retryAfterSeconds: number | undefined

  constructor(code: ApiKeysErrorCode, message: string = enErrorMessages[code], options: ApiKeysErrorOptions = {}) {
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
    return new ApiKeysError('network', undefined, { cause: value })
  }
  const text = value instanceof Error ? value.message : typeof value === 'string' ? value : ''
  return new ApiKeysError('unknown', text || undefined, { cause: value })
}

/** Runs a fetcher call and rethrows whatever it throws as an {@link ApiKeysError}. */
export async function asApiKeysError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw toApiKeysError(error)
  }
}
