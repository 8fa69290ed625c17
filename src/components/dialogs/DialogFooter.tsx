'use client'
import { useMessages } from '../../react/use-localization'

/** Props of {@link DialogFooter}. */
export interface DialogFooterProps {
  /** What went wrong with the last attempt, shown as an alert. */
  failure: string | null
  pending: boolean
  onCancel: () => void
  submit: string
  submitting: string
  variant: 'primary' | 'danger'
}

/** The end of a dialog form: the last attempt's error, Cancel, and the submit button (disabled while pending). */
export function DialogFooter({ failure, pending, onCancel, submit, submitting, variant }: DialogFooterProps) {
  const messages = useMessages()
  return (
    <>
      {failure && (
        <p className="rak-alert" role="alert">
          {failure}
        </p>
      )}
      <div className="rak-dialog-actions">
        <button type="button" className="rak-button rak-button--secondary" disabled={pending} onClick={onCancel}>
          {messages.cancel}
        </button>
        <button type="submit" className={`rak-button rak-button--${variant}`} disabled={pending}>
          {pending ? submitting : submit}
        </button>
      </div>
    </>
  )
}
