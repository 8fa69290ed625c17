import { redactForErrors } from '../../../core/errors'
import { StoreError } from '../errors'

/**
 * SQLSTATEs that mean "the database cannot be reached right now": shutdown or restart of the server
 * (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 57P05 idle session ended)
 * and too many connections (53300). Class 08 (connection exceptions) is matched as a class.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57P05', '53300'])

/** Socket errors of a database that is down, restarting or unreachable. */
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
])

/** `pg`'s own messages for a connection that broke or could not be made (they carry no code). */
const UNAVAILABLE_MESSAGE =
  /connection terminated|connection ended unexpectedly|not queryable|timeout exceeded when trying to connect/i

const SQLSTATE = /^[0-9A-Z]{5}$/
/** PostgreSQL ends messages about a bad value with the value itself: `...for type uuid: "abc"`. */
const TRAILING_VALUE = /: ".*"$/s
const MAX_MESSAGE_LENGTH = 300

function stringField(error: object, field: string): string | undefined {
  const value: unknown = (error as Record<string, unknown>)[field]
  return typeof value === 'string' ? value : undefined
}

/** The driver's message without values: no secret, no hash, no echoed parameter. */
function safeMessage(text: string): string {
  const redacted = redactForErrors(text).replace(TRAILING_VALUE, ': [value redacted]')
  return redacted.length > MAX_MESSAGE_LENGTH ? `${redacted.slice(0, MAX_MESSAGE_LENGTH)}...` : redacted
}

function isUnavailable(sqlState: string | undefined, errno: string | undefined, message: string): boolean {
  if (sqlState !== undefined) return sqlState.startsWith('08') || UNAVAILABLE_SQLSTATES.has(sqlState)
  if (errno !== undefined && UNAVAILABLE_ERRNOS.has(errno)) return true
  return UNAVAILABLE_MESSAGE.test(message)
}

/**
 * Turns what a driver (`pg`, PGlite) threw into a {@link StoreError} that is safe to log: the
 * SQLSTATE, constraint and a redacted message survive; the statement, its parameters, the failing
 * row (`detail`), the driver's stack and the original error do not. A `StoreError` passes through.
 */
export function storeErrorFrom(error: unknown): StoreError {
  if (error instanceof StoreError) return error
  if (typeof error !== 'object' || error === null) {
    return new StoreError('failed', `Database error: ${safeMessage(String(error))}`)
  }
  const code = stringField(error, 'code')
  // Node's socket codes start with E (EPIPE is five letters, like a SQLSTATE); no SQLSTATE class does.
  const errno = code?.startsWith('E') ? code : undefined
  const sqlState = errno === undefined && code !== undefined && SQLSTATE.test(code) ? code : undefined
  const message = stringField(error, 'message') ?? ''
  const constraint = stringField(error, 'constraint')
  const kind = isUnavailable(sqlState, errno, message) ? 'unavailable' : 'failed'
  const tag = sqlState ?? errno
  const text = `${kind === 'unavailable' ? 'Database unavailable' : 'Database error'}: ${safeMessage(message) || 'no message'}${tag === undefined ? '' : ` [${tag}]`}`
  return new StoreError(kind, text, {
    ...(sqlState === undefined ? {} : { sqlState }),
    ...(constraint === undefined ? {} : { constraint }),
  })
}
