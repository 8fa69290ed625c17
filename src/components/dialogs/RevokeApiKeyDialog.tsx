'use client'
import { useState, type FormEvent } from 'react'
import type { ApiKeysError } from '../../core/errors'
import type { APIKeyResource } from '../../core/types'
import { MAX_REASON_LENGTH } from '../../core/validation'
import { revokeKey } from '../../client/key-actions'
import { useBoundAction } from '../../react/use-api-keys-client'
import { useMessages } from '../../react/use-localization'
import { DialogFooter } from './DialogFooter'
import { Field } from './Field'
import { KeyActionDialog } from './KeyActionDialog'
import { KeySummary } from './KeySummary'
import type { KeyAction } from './use-key-action'

/** Props of {@link RevokeApiKeyDialog}. */
export interface RevokeApiKeyDialogProps {
  /** The key to revoke, or null when closed. */
  apiKey: APIKeyResource | null
  /** Called when the dialog should close: Cancel, Escape, or after the revoke. Set `apiKey` to null then. */
  onClose: () => void
  /** Whose key (defaults to the Provider's subject). */
  subject?: string
  /** Called with the key as it now is, after the backend revoked it. */
  onRevoked?: (key: APIKeyResource) => void
  /** Called when the backend refuses (the dialog shows why and stays open). */
  onError?: (error: ApiKeysError) => void
  /** Where focus goes when the dialog closes (default: where it was before). */
  returnFocusTo?: () => HTMLElement | null | undefined
}

interface RevokeFormProps extends Pick<RevokeApiKeyDialogProps, 'onClose' | 'subject' | 'onRevoked'> {
  apiKey: APIKeyResource
  action: KeyAction
}

function RevokeForm({ apiKey, action, onClose, subject, onRevoked }: RevokeFormProps) {
  const messages = useMessages()
  const revoke = useBoundAction(revokeKey)
  const [reason, setReason] = useState('')

  function submit(event: FormEvent): void {
    event.preventDefault()
    action.run(
      () => revoke({ apiKeyId: apiKey.id, revocationReason: reason, subject }),
      (revoked) => {
        onRevoked?.(revoked)
        onClose()
      },
    )
  }

  return (
    <form className="rak-form" onSubmit={submit} aria-busy={action.pending || undefined}>
      <KeySummary apiKey={apiKey} />
      <Field label={messages.reasonLabel} optional>
        {(control) => (
          <input
            {...control}
            className="rak-input"
            value={reason}
            maxLength={MAX_REASON_LENGTH}
            placeholder={messages.reasonPlaceholder}
            autoComplete="off"
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <DialogFooter
        failure={action.failure}
        pending={action.pending}
        onCancel={onClose}
        submit={messages.revokeSubmit}
        submitting={messages.revoking}
        variant="danger"
      />
    </form>
  )
}

/**
 * Asks before revoking, showing which key and whether something still uses it, with an optional
 * reason sent as `revocationReason`. The row shows Revoked at once; if the backend refuses, the row
 * comes back and the dialog says why.
 */
export function RevokeApiKeyDialog(props: RevokeApiKeyDialogProps) {
  const messages = useMessages()
  const { apiKey, returnFocusTo, onClose, onError, ...rest } = props
  return (
    <KeyActionDialog
      apiKey={apiKey}
      title={messages.revokeTitle}
      description={messages.revokeDescription}
      className="rak-dialog--revoke"
      onClose={onClose}
      onError={onError}
      returnFocusTo={returnFocusTo}
    >
      {(key, action) => <RevokeForm key={key.id} apiKey={key} action={action} onClose={onClose} {...rest} />}
    </KeyActionDialog>
  )
}
