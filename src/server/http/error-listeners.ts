import type { FetchHandler } from './handler'

/** The `onError` of each handler `createApiKeysHandler` made, for adapters that answer 500 themselves. */
const listeners = new WeakMap<FetchHandler, (error: unknown) => void>()

/** Remembers the `onError` a handler was made with. */
export function rememberErrorListener(
  handler: FetchHandler,
  onError: ((error: unknown) => void) | undefined,
): FetchHandler {
  if (onError !== undefined) listeners.set(handler, onError)
  return handler
}

/** The `onError` a handler was made with, if `createApiKeysHandler` made it with one. */
export function errorListenerOf(handler: FetchHandler): ((error: unknown) => void) | undefined {
  return listeners.get(handler)
}
