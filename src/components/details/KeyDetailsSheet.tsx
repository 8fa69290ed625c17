'use client'
import { useEffect, useRef, useState } from 'react'
import type { ApiKeysError } from '../../core/errors'
import { isRollable, isRollingOver } from '../../core/key-rollable'
import { getKeyStatus, isUsableStatus } from '../../core/key-status'
import type { APIKeyResource } from '../../core/types'
import { useSupports } from '../../react/use-api-keys-client'
import { useMessages } from '../../react/use-localization'
import { DialogShell } from '../shared/DialogShell'
import type { ScopeOption } from '../shared/scope-option'
import { useNow } from '../shared/use-now'
import type { ResolveUser } from './creator-name'
import { KeyDetailsBody } from './KeyDetailsBody'
import { useCachedKey } from './use-cached-key'

/** Props of {@link KeyDetailsSheet}. */
export interface KeyDetailsSheetProps {
  /** The key to show, or null when closed. The sheet follows it in the loaded lists: a rename or revoke shows at once. */
  apiKey: APIKeyResource | null
  /** Called when the user closes the sheet (Close, Escape, a click outside). */
  onClose: () => void
  /** Called by the sheet's Roll button (shown only when given, the backend rolls, and the key can be rolled). */
  onRoll?: (key: APIKeyResource) => void
  /**
   * Called by the sheet's Revoke button, shown only when given and the key still works (as in its
   * table row); it reads "Revoke now" for a rolled key that works until its grace period ends.
   */
  onRevoke?: (key: APIKeyResource) => void
  /** Whose key: defaults to the Provider's subject (active organization, then user). */
  subject?: string
  /** The app's scopes, for each scope's label and description. */
  availableScopes?: readonly ScopeOption[]
  /** The app's name for a user id, shown as "Created by"; else "You", a team's name, or the id. */
  resolveUser?: ResolveUser
  /** Called with every error a rename or description change meets (each is also shown on its field). */
  onError?: (error: ApiKeysError) => void
  /** Where focus goes when the sheet closes, if the element that opened it is gone. */
  returnFocusTo?: () => HTMLElement | null | undefined
}

/** The newer of two copies of one key (by `updatedAt`); either may be missing. */
function newest(a: APIKeyResource | undefined, b: APIKeyResource | undefined): APIKeyResource | undefined {
  if (!a || !b) return a ?? b
  return b.updatedAt > a.updatedAt ? b : a
}

/**
 * A key's details in a side sheet (full screen on a phone): name and description editable in place
 * when the backend can update, the id with Copy, the masked key, status, scopes with their
 * descriptions, claims, creation, expiry, last use and revocation, and Roll and Revoke. A rolled
 * key links to its replacement and back; following a link switches the sheet to that key.
 */
export function KeyDetailsSheet(props: KeyDetailsSheetProps) {
  const { apiKey, subject } = props
  const messages = useMessages()
  const supports = useSupports()
  const now = useNow()
  // The key shown: the one opened, until a rotation link switches to the other key of a roll.
  const [opened, setOpened] = useState(apiKey)
  const [known, setKnown] = useState(apiKey)
  const [editing, setEditing] = useState(false)
  if (apiKey?.id !== opened?.id) {
    setOpened(apiKey)
    setKnown(apiKey)
    // Editors left open when the sheet closed went with it: Escape must close the next key's sheet.
    setEditing(false)
  }
  const cached = useCachedKey(known?.id, subject)
  const shown = newest(known ?? undefined, cached?.id === known?.id ? cached : undefined)
  const [announcement, setAnnouncement] = useState('')
  const body = useRef<HTMLDivElement>(null)
  const switched = useRef(false)

  useEffect(() => {
    // After a rotation link, focus goes to the top of the other key's details.
    if (switched.current) body.current?.focus()
    switched.current = false
  }, [known?.id])

  function showKey(key: APIKeyResource): void {
    switched.current = true
    setEditing(false)
    setKnown(key)
  }

  return (
    <DialogShell
      open={apiKey !== null}
      onOpenChange={(open) => {
        if (!open) props.onClose()
      }}
      title={shown?.name ?? ''}
      description={messages.detailsDescription}
      // While a field is edited, Escape cancels the edit, not the sheet.
      dismissible={!editing}
      returnFocusTo={props.returnFocusTo}
      className="rak-dialog--sheet"
    >
      {shown && (
        <>
          <div ref={body} tabIndex={-1} className="rak-details">
            <KeyDetailsBody
              key={shown.id}
              apiKey={shown}
              subject={subject}
              availableScopes={props.availableScopes}
              resolveUser={props.resolveUser}
              onShowKey={showKey}
              onUpdated={(key) => {
                setKnown(key)
                setAnnouncement(messages.keyUpdated(key.name))
              }}
              onEditingChange={setEditing}
              onError={props.onError}
            />
          </div>
          <p className="rak-sr-only" role="status">
            {announcement}
          </p>
          {/* The actions its table row offers, by the same rules (see KeyRow). */}
          <div className="rak-dialog-actions rak-details-actions">
            {props.onRoll && supports.roll && isRollable(shown, now) && (
              <button type="button" className="rak-button rak-button--secondary" onClick={() => props.onRoll?.(shown)}>
                {messages.roll}
              </button>
            )}
            {props.onRevoke && isUsableStatus(getKeyStatus(shown, now)) && (
              <button type="button" className="rak-button rak-button--danger" onClick={() => props.onRevoke?.(shown)}>
                {isRollingOver(shown, now) ? messages.revokeNow : messages.revoke}
              </button>
            )}
            <button type="button" className="rak-button rak-button--secondary" onClick={props.onClose}>
              {messages.close}
            </button>
          </div>
        </>
      )}
    </DialogShell>
  )
}

export default KeyDetailsSheet
