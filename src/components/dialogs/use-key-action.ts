'use client'
import { useRef, useState } from 'react'
import { toApiKeysError, type ApiKeysError } from '../../core/errors'
import { useMessages } from '../../react/use-localization'
import { describeError } from '../shared/error-message'

/** A failed attempt as the dialog shows it; a new object for each failure, so each one takes focus. */
export interface ActionFailure {
  message: string
  /** The key is gone (`not_found`): trying again cannot help, so the dialog offers no submit button. */
  final: boolean
}

/** A dialog's one request: whether it is pending, and what to show when it failed. */
export interface KeyAction {
  pending: boolean
  failure: ActionFailure | null
  /**
   * Runs `action` (one at a time: a call while one is pending is ignored), then `done` with its
   * result. A failure goes to `onError`; `explain` may take it over (say, to put it on a field) by
   * returning null, else its summary is shown.
   */
  run<T>(action: () => Promise<T>, done: (result: T) => void, explain?: (error: unknown) => string | null): void
  /** Forgets the last failure (the dialog now shows another key). */
  reset(): void
}

/** State for a dialog that sends one request; a pending request keeps the dialog open. */
export function useKeyAction(onError?: (error: ApiKeysError) => void): KeyAction {
  const messages = useMessages()
  const [pending, setPending] = useState(false)
  const [failure, setFailure] = useState<ActionFailure | null>(null)
  // The state alone would let a second Enter in the same frame through.
  const inFlight = useRef(false)
  return {
    pending,
    failure,
    reset: () => setFailure(null),
    run(action, done, explain) {
      if (inFlight.current) return
      inFlight.current = true
      setPending(true)
      setFailure(null)
      action().then(
        (result) => {
          inFlight.current = false
          setPending(false)
          done(result)
        },
        (error: unknown) => {
          inFlight.current = false
          setPending(false)
          const apiError = toApiKeysError(error)
          const message = explain ? explain(error) : describeError(messages, error).summary
          if (message !== null) setFailure({ message, final: apiError.code === 'not_found' })
          onError?.(apiError)
        },
      )
    },
  }
}
