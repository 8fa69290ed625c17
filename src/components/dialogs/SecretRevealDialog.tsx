'use client'
import { useEffect, useId, useRef, useState } from 'react'
import { useMessages } from '../../react/use-localization'
import { DialogShell } from '../shared/DialogShell'
import { envFileName } from './env-file-name'

/** The key to reveal: its name, and the secret shown this once. */
export interface RevealedKey {
  name: string
  secret: string
}

/** Props of {@link SecretRevealDialog}. */
export interface SecretRevealDialogProps {
  /** The key to show, or null when closed. Pass null after `onDone` so the secret leaves memory. */
  apiKey: RevealedKey | null
  /** Called when the user confirms they saved the key and presses Done. */
  onDone: () => void
  /** The variable name in the downloaded `.env` file (default `API_KEY`). */
  envVarName?: string
  /** Where focus goes when the dialog closes. */
  returnFocusTo?: () => HTMLElement | null | undefined
}

type CopyState = 'idle' | 'copied' | 'failed'

/**
 * Triggers a download of `text` as a file named `filename`, then releases the object URL at once.
 * The type is not `text/plain`: for that, browsers may append `.txt` (Chrome saved `.env` as `env.txt`).
 */
function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** What the dialog shows while open; unmounted on close, so its state (and the secret) goes with it. */
function RevealBody({ apiKey, onDone, envVarName }: { apiKey: RevealedKey; onDone: () => void; envVarName: string }) {
  const messages = useMessages()
  const fieldId = useId()
  const checkboxId = useId()
  const doneHintId = useId()
  const fieldRef = useRef<HTMLInputElement>(null)
  const [copy, setCopy] = useState<CopyState>('idle')
  const [saved, setSaved] = useState(false)

  useEffect(() => {
    if (copy !== 'copied') return
    const timer = setTimeout(() => setCopy('idle'), 2500)
    return () => clearTimeout(timer)
  }, [copy])

  async function copySecret(): Promise<void> {
    try {
      // Throws, like a refusal, where the browser offers no clipboard at all.
      await navigator.clipboard.writeText(apiKey.secret)
      setCopy('copied')
    } catch {
      setCopy('failed')
      fieldRef.current?.focus()
      fieldRef.current?.select()
    }
  }

  return (
    <>
      <p className="rak-callout rak-callout--warning" role="note">
        {messages.revealWarning}
      </p>
      <div className="rak-field">
        <label className="rak-label" htmlFor={fieldId}>
          {messages.secretLabel}
        </label>
        <div className="rak-secret-row">
          <input
            ref={fieldRef}
            id={fieldId}
            className="rak-input rak-secret"
            readOnly
            value={apiKey.secret}
            onFocus={(event) => event.currentTarget.select()}
          />
          {/* The label stays "Copy": the status line below says "Copied", so it is announced once. */}
          <button type="button" className="rak-button rak-button--secondary" onClick={() => void copySecret()}>
            {messages.copy}
          </button>
        </div>
        <p className="rak-hint" role="status">
          {copy === 'copied' ? messages.copied : ''}
        </p>
        {copy === 'failed' && (
          <p className="rak-alert" role="alert">
            {messages.copyFailed}
          </p>
        )}
      </div>
      <button
        type="button"
        className="rak-button rak-button--link"
        onClick={() => download(envFileName(apiKey.name), `${envVarName}=${apiKey.secret}\n`)}
      >
        {messages.downloadEnv}
      </button>
      <div className="rak-checkbox rak-confirm">
        <input id={checkboxId} type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        <label htmlFor={checkboxId}>{messages.savedCheckbox}</label>
      </div>
      <div className="rak-dialog-actions">
        {!saved && (
          <p id={doneHintId} className="rak-hint">
            {messages.doneDisabledHint}
          </p>
        )}
        <button
          type="button"
          className="rak-button rak-button--primary"
          disabled={!saved}
          aria-describedby={saved ? undefined : doneHintId}
          onClick={onDone}
        >
          {messages.done}
        </button>
      </div>
    </>
  )
}

/**
 * Shows a new key's secret once. Escape and outside clicks do nothing; Done closes it once the user
 * has ticked that they saved the key. The secret lives only in this dialog's props and DOM.
 */
export function SecretRevealDialog({ apiKey, onDone, envVarName = 'API_KEY', returnFocusTo }: SecretRevealDialogProps) {
  const messages = useMessages()
  return (
    <DialogShell
      open={apiKey !== null}
      onOpenChange={() => undefined}
      role="alertdialog"
      dismissible={false}
      title={messages.revealTitle(apiKey?.name ?? '')}
      description={messages.revealDescription}
      returnFocusTo={returnFocusTo}
      className="rak-dialog--reveal"
    >
      {apiKey && <RevealBody apiKey={apiKey} onDone={onDone} envVarName={envVarName} />}
    </DialogShell>
  )
}
