'use client'
import { clsx } from 'clsx'
import type { ApiKeysError } from '../../core/errors'
import { useMessages } from '../../react/use-localization'
import { describeError } from '../shared/error-message'

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  error: ApiKeysError
  onRetry: () => void
  className?: string
}

/** The list could not be loaded: says why, and offers to try again. */
export function ErrorState({ error, onRetry, className }: ErrorStateProps) {
  const messages = useMessages()
  return (
    <div className={clsx('rak-error-state', className)} role="alert">
      <p className="rak-error-title">{messages.loadError}</p>
      <p className="rak-error-detail">{describeError(messages, error).summary}</p>
      <button type="button" className="rak-button rak-button--secondary" onClick={onRetry}>
        {messages.retry}
      </button>
    </div>
  )
}
