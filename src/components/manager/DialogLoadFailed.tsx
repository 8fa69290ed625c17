'use client'
import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useMessages } from '../../react/use-localization'
import { reloadPage } from './reload-page'

/** Props of {@link DialogLoadFailed}. */
export interface DialogLoadFailedProps {
  /** Closes the dialog, as its own Cancel or Escape would. */
  onClose: () => void
  /** Where focus goes on Close when it should not go back to where it was before (the dialog's own prop). */
  returnFocusTo?: () => HTMLElement | null | undefined
}

/**
 * What stands in a dialog's place when its code could not be loaded: why, Close, and Reload page (not
 * Retry: Chromium answers a second download of a failed chunk with the same failure until the page
 * reloads). Like a dialog it takes focus when it appears (on its message, as a dialog's failed request
 * does) and Escape closes it; it is not modal, so the rest of the page stays usable behind it.
 */
export function DialogLoadFailed({ onClose, returnFocusTo }: DialogLoadFailedProps) {
  const messages = useMessages()
  const alert = useRef<HTMLParagraphElement>(null)
  // What had focus before this took it: usually the button that opened the dialog.
  const focusedBefore = useRef<Element | null>(null)
  useEffect(() => {
    focusedBefore.current = document.activeElement
    alert.current?.focus()
  }, [])

  function focusBack(): void {
    const target = returnFocusTo?.() ?? focusedBefore.current
    if (target instanceof HTMLElement && target.isConnected) target.focus()
  }

  function close(): void {
    focusBack()
    onClose()
  }

  function closeOnEscape(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return
    event.preventDefault()
    close()
  }

  return (
    <div className="rak-error-state rak-dialog-load-error" onKeyDown={closeOnEscape}>
      <p ref={alert} className="rak-error-title" role="alert" tabIndex={-1}>
        {messages.dialogLoadError}
      </p>
      <div className="rak-dialog-actions">
        <button type="button" className="rak-button rak-button--secondary" onClick={close}>
          {messages.close}
        </button>
        <button type="button" className="rak-button rak-button--primary" onClick={reloadPage}>
          {messages.reloadPage}
        </button>
      </div>
    </div>
  )
}
