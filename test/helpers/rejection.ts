import { expect } from 'vitest'
import { ApiKeysError } from '../../src/index'

/** The `ApiKeysError` a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<ApiKeysError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(ApiKeysError)
  return error as ApiKeysError
}
