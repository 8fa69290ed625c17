import { toApiKeysError, type ApiKeysErrorCode } from '../core/errors'

/** A broken rule of the fetcher contract: what was expected, and what the fetcher did. */
export class ContractViolation extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ContractViolation'
  }
}

/** Fails the case with `message` unless `condition` holds. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ContractViolation(message)
}

const show = (value: unknown): string => JSON.stringify(value) ?? String(value)

/** Fails the case unless `actual` and `expected` are the same JSON. */
export function checkEqual(actual: unknown, expected: unknown, what: string): void {
  check(show(actual) === show(expected), `${what}: expected ${show(expected)}, got ${show(actual)}.`)
}

/** What a promise rejects with; fails the case if it resolves. */
export async function rejectionOf(promise: Promise<unknown>, what: string): Promise<unknown> {
  return promise.then(
    () => {
      throw new ContractViolation(`${what}: expected a rejection, but it resolved.`)
    },
    (error: unknown) => error,
  )
}

/** Fails the case unless the promise rejects with an error the kit reads as `code` (see `toApiKeysError`). */
export async function checkRejectsWith(promise: Promise<unknown>, code: ApiKeysErrorCode, what: string): Promise<void> {
  const error = await rejectionOf(promise, what)
  if (error instanceof ContractViolation) throw error
  const actual = toApiKeysError(error).code
  check(actual === code, `${what}: expected the error code "${code}", got "${actual}".`)
}

/** Fails the case unless the promise rejects with an error named `AbortError`, as `fetch` does. */
export async function checkAborted(promise: Promise<unknown>, what: string): Promise<void> {
  const error = await rejectionOf(promise, what)
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined
  check(name === 'AbortError', `${what}: expected an AbortError, got ${show(name ?? error)}.`)
}

/** Fails the case unless `value` is a valid `Date`. */
export function checkDate(value: unknown, what: string): asserts value is Date {
  check(value instanceof Date && !Number.isNaN(value.getTime()), `${what}: expected a Date, got ${show(value)}.`)
}
