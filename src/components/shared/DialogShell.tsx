'use client'
import * as Dialog from '@radix-ui/react-dialog'
import { clsx } from 'clsx'
import type { ReactNode } from 'react'

/** Props of {@link DialogShell}. */
export interface DialogShellProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** `alertdialog` for confirmations and the one-time secret. */
  role?: 'dialog' | 'alertdialog'
  title: ReactNode
  /** What the dialog is about; read out with the title. */
  description: ReactNode
  /** When false, Escape and clicks outside do nothing (a pending request, a secret not yet saved). */
  dismissible?: boolean
  /** Where focus goes on close when the element that opened the dialog is gone. */
  returnFocusTo?: () => HTMLElement | null | undefined
  className?: string
  children: ReactNode
}

/** The kit's dialog frame on Radix Dialog: overlay, focus trap, title and description wired for screen readers. */
export function DialogShell(props: DialogShellProps) {
  const { dismissible = true } = props
  const block = (event: Event): void => {
    if (!dismissible) event.preventDefault()
  }
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="rak-overlay" />
        <Dialog.Content
          role={props.role ?? 'dialog'}
          className={clsx('rak-dialog', props.className)}
          onEscapeKeyDown={block}
          onInteractOutside={block}
          onCloseAutoFocus={(event) => {
            const target = props.returnFocusTo?.()
            if (target?.isConnected) {
              event.preventDefault()
              target.focus()
            }
          }}
        >
          <Dialog.Title className="rak-dialog-title">{props.title}</Dialog.Title>
          <Dialog.Description className="rak-dialog-description">{props.description}</Dialog.Description>
          {props.children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
