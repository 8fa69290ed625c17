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
}

/** Copies text (not a secret) to the clipboard and says so once in a status line beside the button. */
export function CopyTextButton({ text, label, accessibleName, copiedMessage }: CopyTextButtonProps) {
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 2500)
    return () => clearTimeout(timer)
  }, [copied])
  async function copy(): Promise<void> {
    try {
      // Throws where the browser offers no clipboard or refuses: the text stays on screen to select by hand.
      await navigator.clipboard.writeText(text)
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }

  return (
    <>
      <button
        type="button"
        className="rak-button rak-button--secondary rak-button--small"
        aria-label={accessibleName}
        onClick={() => void copy()}
      >
        {label}
      </button>
      <span className="rak-hint rak-copy-status" role="status">
        {copied ? copiedMessage : ''}
      </span>
    </>
  )
}
