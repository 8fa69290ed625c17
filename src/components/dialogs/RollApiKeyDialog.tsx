'use client'
import { useId, useState, type FormEvent } from 'react'
import type { ApiKeysError } from '../../core/errors'
import type { RollKeyResult } from '../../core/fetcher'
import { rollOutcome } from '../../core/roll-outcome'
import type { APIKeyResource } from '../../core/types'
import { rollKey } from '../../client/key-actions'
import { useBoundAction } from '../../react/use-api-keys-client'
import { useMessages } from '../../react/use-localization'
import { useFormatters } from '../shared/format'
import { useNow } from '../shared/use-now'
import { DialogFooter } from './DialogFooter'
import { KeyActionDialog } from './KeyActionDialog'
import { KeySummary } from './KeySummary'
import type { KeyAction } from './use-key-action'

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

interface RollFormProps extends Pick<RollApiKeyDialogProps, 'onClose' | 'subject' | 'onRolled'> {
  apiKey: APIKeyResource
  action: KeyAction
}

function RollForm({ apiKey, action, onClose, subject, onRolled }: RollFormProps) {
  const messages = useMessages()
  const format = useFormatters()
  // A second's clock: "stops at 14:05" must not lag behind the clock the user reads.
  const now = useNow(1000)
  const roll = useBoundAction(rollKey)
  const [grace, setGrace] = useState(DAY)
  const outcomeId = useId()
  const outcome = rollOutcome(apiKey, grace, now)
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
    action.run(() => roll({ apiKeyId: apiKey.id, gracePeriodSeconds: grace, subject }), onRolled)
  }

  return (
    <form className="rak-form" onSubmit={submit} aria-busy={action.pending || undefined}>
      <KeySummary apiKey={apiKey} />
      <fieldset className="rak-field rak-fieldset">
        <legend className="rak-label">{messages.gracePeriodLabel}</legend>
        {GRACE_PERIODS.map((seconds) => (
          <label key={seconds} className="rak-radio">
            <input
              type="radio"
              name="rak-grace"
              value={seconds}
              checked={grace === seconds}
              // The dialog opens on the chosen period, so that one key press cannot pick "expires now".
              autoFocus={grace === seconds}
              onChange={() => {
                if (!action.pending) setGrace(seconds)
              }}
            />
            {label(seconds)}
          </label>
        ))}
      </fieldset>
      {/*
        Picking a grace period rewrites these times without a sound: the submit button reads them as
        its description, so they are heard where the roll is confirmed. Not a live region: the times
        follow the clock, so it would speak them again each minute, and again at the button.
      */}
      <ul id={outcomeId} className="rak-roll-outcome">
        <li>{grace === 0 ? messages.rollOldStopsNow : messages.rollOldStopsAt(format.dateTime(outcome.oldStopsAt))}</li>
        <li>
          {outcome.replacementExpiresAt
            ? messages.rollNewExpiresAt(format.dateTime(outcome.replacementExpiresAt))
            : messages.rollNewNeverExpires}
        </li>
      </ul>
      <DialogFooter
        failure={action.failure}
        pending={action.pending}
        onCancel={onClose}
        submit={messages.rollSubmit}
        submitting={messages.rolling}
        variant="primary"
        submitDescribedBy={outcomeId}
      />
    </form>
  )
}

/**
 * Issues a replacement secret. Before the user confirms it says which key, whether something still
 * uses it, the exact time the old secret stops working and when the new key expires.
 */
export function RollApiKeyDialog(props: RollApiKeyDialogProps) {
  const messages = useMessages()
  const { apiKey, returnFocusTo, onClose, onError, ...rest } = props
  return (
    <KeyActionDialog
      apiKey={apiKey}
      title={messages.rollTitle}
      description={messages.rollDescription}
      className="rak-dialog--roll"
      onClose={onClose}
      onError={onError}
      returnFocusTo={returnFocusTo}
    >
      {(key, action) => <RollForm key={key.id} apiKey={key} action={action} onClose={onClose} {...rest} />}
    </KeyActionDialog>
  )
}
