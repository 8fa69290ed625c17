'use client'
import { useState, type FormEvent } from 'react'
import { toApiKeysError, type ApiKeysError } from '../../core/errors'
import type { RollKeyResult } from '../../core/fetcher'
import type { APIKeyResource } from '../../core/types'
import { useAPIKeysClient } from '../../react/use-api-keys-client'
import { useMessages } from '../../react/use-localization'
import { DialogShell } from '../shared/DialogShell'
import { describeError } from '../shared/error-message'

/** Props of {@link RollApiKeyDialog}. */
export interface RollApiKeyDialogProps {
  /** The key to roll, or null when closed. */
  apiKey: APIKeyResource | null
  onClose: () => void
  subject?: string
  /** Called with the replacement (and its one-time secret) and the old key as it now is. */
  onRolled: (result: RollKeyResult) => void
  onError?: (error: ApiKeysError) => void
  returnFocusTo?: () => HTMLElement | null | undefined
}

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** Grace periods offered: none, 15 minutes, 1 hour, 24 hours, 7 days. */
const GRACE_PERIODS = [0, 15 * MINUTE, HOUR, DAY, 7 * DAY]

function RollForm({ apiKey, onClose, onPendingChange, subject, onRolled, onError }: Omit<RollApiKeyDialogProps, 'apiKey' | 'returnFocusTo'> & { apiKey: APIKeyResource; onPendingChange: (pending: boolean) => void }) {
  const messages = useMessages()
  const client = useAPIKeysClient()
  const [grace, setGrace] = useState(DAY)
  const [pending, setPendingState] = useState(false)
  const setPending = (value: boolean): void => {
    setPendingState(value)
    onPendingChange(value)
  }
  const [failure, setFailure] = useState<string | null>(null)
  const label = (seconds: number): string =>
    seconds === 0 ? messages.graceNow : seconds < HOUR ? messages.graceMinutes(seconds / MINUTE) : seconds <= DAY ? messages.graceHours(seconds / HOUR) : messages.graceDays(seconds / DAY)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (pending) return
    setPending(true)
    setFailure(null)
    try {
      const result = await client.roll({ apiKeyId: apiKey.id, gracePeriodSeconds: grace, subject })
      setPending(false)
      onRolled(result)
    } catch (error) {
      setFailure(describeError(messages, error).summary)
      onError?.(toApiKeysError(error))
      setPending(false)
    }
  }

  return (
    <form className="rak-form" onSubmit={(event) => void submit(event)} aria-busy={pending || undefined}>
      <fieldset className="rak-field rak-fieldset">
        <legend className="rak-label">{messages.gracePeriodLabel}</legend>
        {GRACE_PERIODS.map((seconds) => (
          <label key={seconds} className="rak-radio">
            <input type="radio" name="rak-grace" value={seconds} checked={grace === seconds} disabled={pending} onChange={() => setGrace(seconds)} />
            {label(seconds)}
          </label>
        ))}
      </fieldset>
      {failure && (
        <p className="rak-alert" role="alert">
          {failure}
        </p>
      )}
      <div className="rak-dialog-actions">
        <button type="button" className="rak-button rak-button--secondary" disabled={pending} onClick={onClose}>
          {messages.cancel}
        </button>
        <button type="submit" className="rak-button rak-button--primary" disabled={pending}>
          {pending ? messages.rolling : messages.rollSubmit}
        </button>
      </div>
    </form>
  )
}

/** Issues a replacement secret; the old one keeps working for the grace period the user chooses. */
export function RollApiKeyDialog(props: RollApiKeyDialogProps) {
  const messages = useMessages()
  const { apiKey, returnFocusTo, ...rest } = props
  const [pending, setPending] = useState(false)
  return (
    <DialogShell
      open={apiKey !== null}
      onOpenChange={(open) => {
        if (!open && !pending) props.onClose()
      }}
      dismissible={!pending}
      role="alertdialog"
      title={messages.rollTitle(apiKey?.name ?? '')}
      description={messages.rollDescription}
      returnFocusTo={returnFocusTo}
      className="rak-dialog--roll"
    >
      {apiKey && <RollForm key={apiKey.id} apiKey={apiKey} {...rest} onPendingChange={setPending} />}
    </DialogShell>
  )
}
