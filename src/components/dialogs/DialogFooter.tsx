'use client'
import { useEffect, useRef } from 'react'
import { useMessages } from '../../react/use-localization'
import type { ActionFailure } from './use-key-action'

/** Props of {@link DialogFooter}. */
export interface DialogFooterProps {
  /** What went wrong with the last attempt, shown as an alert; it takes focus when it appears. */
  failure: ActionFailure | null
  pending: boolean
  onCancel: () => void
  submit: string
  submitting: string
  variant: 'primary' | 'danger'
  /** The id of what the submit button does, read with it (a roll's times). */
  submitDescribedBy?: string
}

/**
 * The end of a dialog form: the last attempt's error, Cancel, and the submit button. While a request
 * is pending both buttons keep focus but do nothing (`aria-disabled`), so focus never drops to the
 * page; a failure moves focus to its message. After a final failure (the key is gone) there is
 * nothing left to submit, and Cancel reads Close.
 */
export function DialogFooter(props: DialogFooterProps) {
  const { failure, pending, onCancel, submit, submitting, variant } = props
  const messages = useMessages()
  const alert = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (failure) alert.current?.focus()
  }, [failure])
  const final = failure?.final === true
  return (
    <>
      {failure && (
        <p ref={alert} className="rak-alert" role="alert" tabIndex={-1}>
          {failure.message}
        </p>
      )}
      <div className="rak-dialog-actions">
        <button
          type="button"
          className="rak-button rak-button--secondary"
          aria-disabled={pending || undefined}
          onClick={() => {
            if (!pending) onCancel()
          }}
        >
          {final ? messages.close : messages.cancel}
        </button>
        {!final && (
          <button
            type="submit"
            className={`rak-button rak-button--${variant}`}
            aria-disabled={pending || undefined}
            aria-describedby={props.submitDescribedBy}
            // The form's submit handler ignores a second request; this keeps a click from even trying.
            onClick={(event) => {
              if (pending) event.preventDefault()
            }}
          >
            {pending ? submitting : submit}
          </button>
        )}
      </div>
    </>
  )
}
