'use client'
import { useState } from 'react'
import { toApiKeysError, type ApiKeysError } from '../../core/errors'
import { useMessages } from '../../react/use-localization'
import { describeError } from '../shared/error-message'

/** A dialog's one request: whether it is pending, and what to show when it failed. */
export interface KeyAction {
  pending: boolean
  failure: string | null
  /** Runs `action` once at a time, then `done` with its result; a failure is shown and passed to `onError`. */
  run<T>(action: () => Promise<T>, done: (result: T) => void): Promise<void>
}

/** State for a dialog that sends one request; `onPendingChange` lets the dialog refuse to close meanwhile. */
export function useKeyAction(
  onPendingChange: (pending: boolean) => void,
  onError?: (error: ApiKeysError) => void,
): KeyAction {
  const messages = useMessages()
  const [pending, setPendingState] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const setPending = (value: boolean): void => {
    setPendingState(value)
    onPendingChange(value)
  }
  return {
    pending,
    failure,
    async run(action, done) {
      if (pending) return
      setPending(true)
      setFailure(null)
      try {
        const result = await action()
        setPending(false)
        done(result)
      } catch (error) {
        setFailure(describeError(messages, error).summary)
        onError?.(toApiKeysError(error))
        setPending(false)
      }
    },
  }
}
