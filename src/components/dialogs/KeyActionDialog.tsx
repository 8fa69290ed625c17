'use client'
import { useState, type ReactNode } from 'react'
import type { APIKeyResource } from '../../core/types'
import { DialogShell } from '../shared/DialogShell'

/** Props of {@link KeyActionDialog}. */
export interface KeyActionDialogProps {
  /** The key acted on, or null when closed. */
  apiKey: APIKeyResource | null
  title: (name: string) => string
  description: string
  className: string
  onClose: () => void
  returnFocusTo?: () => HTMLElement | null | undefined
  /** The form for the key, told how to report that its request is pending (the dialog then stays open). */
  children: (apiKey: APIKeyResource, onPendingChange: (pending: boolean) => void) => ReactNode
}

/** The alert dialog around an action on one key (revoke, roll): it cannot be dismissed while the request is pending. */
export function KeyActionDialog({
  apiKey,
  title,
  description,
  className,
  onClose,
  returnFocusTo,
  children,
}: KeyActionDialogProps) {
  const [pending, setPending] = useState(false)
  return (
    <DialogShell
      open={apiKey !== null}
      onOpenChange={(open) => {
        if (!open && !pending) onClose()
      }}
      dismissible={!pending}
      role="alertdialog"
      title={title(apiKey?.name ?? '')}
      description={description}
      returnFocusTo={returnFocusTo}
      className={className}
    >
      {apiKey && children(apiKey, setPending)}
    </DialogShell>
  )
}
