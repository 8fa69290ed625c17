'use client'
import { useState, type FormEvent } from 'react'
import type { ApiKeysError } from '../../core/errors'
import type { RollKeyResult } from '../../core/fetcher'
import type { APIKeyResource } from '../../core/types'
import { rollKey } from '../../client/key-actions'
import { useBoundAction } from '../../react/use-api-keys-client'
import { useMessages } from '../../react/use-localization'
import { DialogFooter } from './DialogFooter'
import { KeyActionDialog } from './KeyActionDialog'
import { useKeyAction } from './use-key-action'

/** Props of {@link RollApiKeyDialog}. */
export interface RollApiKeyDialogProps {
  /** The key to roll, or null when closed. */
  apiKey: APIKeyResource | null
  /** Called when the dialog should close (Cancel, Escape). Set `apiKey` to null then. */
  onClose: () => void
  /** Whose key (defaults to the Provider's subject). */
  subject?: string
  /** Called with the replacement (and its one-time secret: show it with `SecretRevealDialog`) and the old key as it now is. */
  onRolled: (result: RollKeyResult) => void
  /** Called when the backend refuses (the dialog shows why and stays open). */
  onError?: (error: ApiKeysError) => void
  /** Where focus goes when the dialog closes (default: where it was before). */
  returnFocusTo?: () => HTMLElement | null | undefined
}

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** Grace periods offered: none, 15 minutes, 1 hour, 24 hours, 7 days. */
const GRACE_PERIODS = [0, 15 * MINUTE, HOUR, DAY, 7 * DAY]

function RollForm({
  apiKey,
  onClose,
  onPendingChange,
  subject,
  onRolled,
  onError,
}: Omit<RollApiKeyDialogProps, 'apiKey' | 'returnFocusTo'> & {
  apiKey: APIKeyResource
  onPendingChange: (pending: boolean) => void
}) {
  const messages = useMessages()
  const roll = useBoundAction(rollKey)
  const [grace, setGrace] = useState(DAY)
  const { pending, failure, run } = useKeyAction(onPendingChange, onError)
  const label = (seconds: number): string =>
    seconds === 0
      ? messages.graceNow
      : seconds < HOUR
        ? messages.graceMinutes(seconds / MINUTE)
        : seconds <= DAY
          ? messages.graceHours(seconds / HOUR)
          : messages.graceDays(seconds / DAY)

  function submit(event: FormEvent): void {
    event.preventDefault()
    void run(() => roll({ apiKeyId: apiKey.id, gracePeriodSeconds: grace, subject }), onRolled)
  }

  return (
    <form className="rak-form" onSubmit={submit} aria-busy={pending || undefined}>
      <fieldset className="rak-field rak-fieldset">
        <legend className="rak-label">{messages.gracePeriodLabel}</legend>
        {GRACE_PERIODS.map((seconds) => (
          <label key={seconds} className="rak-radio">
            <input
              type="radio"
              name="rak-grace"
              value={seconds}
              checked={grace === seconds}
              disabled={pending}
              onChange={() => setGrace(seconds)}
            />
            {label(seconds)}
          </label>
        ))}
      </fieldset>
      <DialogFooter
        failure={failure}
        pending={pending}
        onCancel={onClose}
        submit={messages.rollSubmit}
        submitting={messages.rolling}
        variant="primary"
      />
    </form>
  )
}

/** Issues a replacement secret; the old one keeps working for the grace period the user chooses. */
export function RollApiKeyDialog(props: RollApiKeyDialogProps) {
  const messages = useMessages()
  const { apiKey, returnFocusTo, onClose, ...rest } = props
  return (
    <KeyActionDialog
      apiKey={apiKey}
      title={messages.rollTitle}
      description={messages.rollDescription}
      className="rak-dialog--roll"
      onClose={onClose}
      returnFocusTo={returnFocusTo}
    >
      {(key, onPendingChange) => (
        <RollForm key={key.id} apiKey={key} onClose={onClose} {...rest} onPendingChange={onPendingChange} />
      )}
    </KeyActionDialog>
  )
}
