import { ApiKeysError } from '../../core/errors'

/** The conflict a store raises when an active key of the subject already has the name. */
export function nameTakenError(name: string): ApiKeysError {
  return new ApiKeysError('conflict', `An active API key named "${name}" already exists.`)
}

/** The conflict a store raises when a key that no longer works is asked to roll. */
export function notRollableError(): ApiKeysError {
  return new ApiKeysError('conflict', 'Only a key that still works, and was not rolled already, can be rolled.')
}
