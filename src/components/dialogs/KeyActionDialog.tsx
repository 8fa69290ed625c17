'use client'
import { useState, type ReactNode } from 'react'
import type { ApiKeysError } from '../../core/errors'
import type { APIKeyResource } from '../../core/types'
import { DialogShell } from '../shared/DialogShell'
import { useKeyAction, type KeyAction } from './use-key-action'

/** Props of {@link KeyActionDialog}. */
export interface KeyActionDialogProps {
  /** The key acted on, or null when closed. */
  apiKey: APIKeyResource | null
  title: (name: string) => string
  description: string
  className: string
  onClose: () => void
  /** Called when the request fails (the dialog shows why and stays open). */
  onError?: (error: ApiKeysError) => void
  returnFocusTo?: () => HTMLElement | null | undefined
  /** The form for the key, given the dialog's request to run its action with. */
  children: (apiKey: APIKeyResource, action: KeyAction) => ReactNode
}

/**
 * The alert dialog around an action on one key (revoke, roll). It owns the request: while it is
 * pending, Escape and clicks outside do nothing.
 */
export function KeyActionDialog({
  apiKey,
  title,
  description,
  className,
  onClose,
  onError,
  returnFocusTo,
  children,
}: KeyActionDialogProps) {
  const action = useKeyAction(onError)
  // Another key: the last key's failure is not this one's.
  const [actedOn, setActedOn] = useState(apiKey?.id)
  if (apiKey && apiKey.id !== actedOn) {
    setActedOn(apiKey.id)
    action.reset()
  }
  return (
    <DialogShell
      open={apiKey !== null}
      onOpenChange={(open) => {
        if (!open && !action.pending) onClose()
      }}
      dismissible={!action.pending}
      role="alertdialog"
      title={title(apiKey?.name ?? '')}
      description={description}
      returnFocusTo={returnFocusTo}
      className={className}
    >
      {apiKey && children(apiKey, action)}
    </DialogShell>
  )
}
