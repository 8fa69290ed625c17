import { ApiKeysError } from '../../core/errors'

/** The conflict a store raises when an active key of the subject already has the name. */
export function nameTakenError(name: string): ApiKeysError {
  return new ApiKeysError('conflict', `An active API key named "${name}" already exists.`)
}

/** The conflict a store raises when a key that no longer works is asked to roll. */
export function notRollableError(): ApiKeysError {
  return new ApiKeysError('conflict', 'Only a key that still works, and was not rolled already, can be rolled.')
}

/**
 * What went wrong in the database under a SQL store: it could not be reached (`unavailable`: a
 * restart, failover or dropped connection; worth trying again shortly) or it refused a statement
 * (`failed`).
 */
export type StoreErrorCode = 'unavailable' | 'failed'

/** Seconds a caller is asked to wait (`Retry-After`) when the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5

/**
 * An error of the database under a SQL store, safe to log: it keeps the SQLSTATE, the constraint
 * and the driver's message, but never the statement, its parameters (a secret's hash among them),
 * the failing row, nor the driver's error as `cause`.
 */
export class StoreError extends Error {
  readonly code: StoreErrorCode
  /** The PostgreSQL SQLSTATE (`23505`, `57P01`...), when the database sent one. */
  readonly sqlState: string | undefined
  /** The constraint the statement violated, when there is one. */
  readonly constraint: string | undefined
  /** For `unavailable`: seconds to wait before trying again. */
  readonly retryAfterSeconds: number | undefined

  constructor(code: StoreErrorCode, message: string, details: { sqlState?: string; constraint?: string } = {}) {
    super(message)
    this.name = 'StoreError'
    this.code = code
    this.sqlState = details.sqlState
    this.constraint = details.constraint
    this.retryAfterSeconds = code === 'unavailable' ? UNAVAILABLE_RETRY_AFTER_SECONDS : undefined
  }
}

/** Whether `error` says the database could not be reached (answered 503 with `Retry-After`). */
export function isStoreUnavailable(error: unknown): error is StoreError & { retryAfterSeconds: number } {
  return error instanceof StoreError && error.code === 'unavailable'
}
