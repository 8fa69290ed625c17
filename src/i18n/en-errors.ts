import type { ApiKeysErrorCode } from '../core/errors'

/**
 * The English sentence for each error code: what the components show (as `enMessages.errors`) and
 * the message of an `ApiKeysError` that was given none. Its own module, so code that only throws
 * errors carries these sentences and not the whole table.
 */
export const enErrorMessages: Record<ApiKeysErrorCode, string> = {
  invalid_input: 'Some fields need your attention.',
  unauthenticated: 'Sign in to manage API keys.',
  forbidden: 'You do not have permission to do this.',
  not_found: 'That API key no longer exists.',
  conflict: 'That conflicts with an existing API key.',
  rate_limited: 'Too many requests. Please wait a moment and try again.',
  unsupported: 'This action is not available for these API keys.',
  unavailable: 'The service is unavailable for a moment. Please try again shortly.',
  network: 'Could not reach the server. Check your connection and try again.',
  unknown: 'Something went wrong. Please try again.',
}
