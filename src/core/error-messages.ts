import { NETWORK_MESSAGE, type ApiKeysErrorCode } from './errors'

/**
 * A plain sentence for each error code, for a backend that gives none a user should read. Its own
 * module, so code that only throws errors does not carry the table.
 */
export const DEFAULT_ERROR_MESSAGES: Record<ApiKeysErrorCode, string> = {
  invalid_input: 'The request was not valid.',
  not_found: 'That API key does not exist.',
  forbidden: 'You are not allowed to do that.',
  conflict: 'That conflicts with an existing API key.',
  rate_limited: 'Too many requests. Please wait a moment and try again.',
  network: NETWORK_MESSAGE,
  unknown: 'The server could not complete the request.',
}
