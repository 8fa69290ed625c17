'use client'
import { useEffect, useState } from 'react'

/** Props of {@link CopyTextButton}. */
export interface CopyTextButtonProps {
  /** What goes to the clipboard. */
  text: string
  /** The button's visible label ("Copy"). */
  label: string
  /** Its accessible name, when the label alone does not say what is copied ("Copy key ID"). */
  accessibleName?: string
  /** Said once, in a status line, after a copy ("Key ID copied"). */
  copiedMessage: string
  /** Shown as an alert when the browser refuses the copy, saying how to copy by hand. */
  failedMessage: string
}

type CopyState = 'idle' | 'copied' | 'failed'

/**
 * Copies text (not a secret) to the clipboard and says so once in a status line beside the button;
 * a refused copy says so in an alert instead, as the reveal dialog does.
 */
export function CopyTextButton({ text, label, accessibleName, copiedMessage, failedMessage }: CopyTextButtonProps) {
  const [copy, setCopy] = useState<CopyState>('idle')
  useEffect(() => {
    if (copy !== 'copied') return
    const timer = setTimeout(() => setCopy('idle'), 2500)
    return () => clearTimeout(timer)
  }, [copy])
  async function copyText(): Promise<void> {
    // A second refusal removes the alert first, so it comes back and is heard again.
    setCopy('idle')
    try {
      // Throws where the browser offers no clipboard or refuses: the text stays on screen to select by hand.
      await navigator.clipboard.writeText(text)
      setCopy('copied')
    } catch {
      setCopy('failed')
    }
  }

  return (
    <>
      <button
        type="button"
        className="rak-button rak-button--secondary rak-button--small"
        aria-label={accessibleName}
        onClick={() => void copyText()}
      >
        {label}
      </button>
      <span className="rak-hint rak-copy-status" role="status">
        {copy === 'copied' ? copiedMessage : ''}
      </span>
      {copy === 'failed' && (
        <span className="rak-field-error" role="alert">
          {failedMessage}
        </span>
      )}
    </>
  )
}
