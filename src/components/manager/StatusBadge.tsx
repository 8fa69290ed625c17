'use client'
import { clsx } from 'clsx'
import { useId } from 'react'
import type { APIKeyStatus } from '../../core/key-status'
import { useMessages } from '../../react/use-localization'

/** Props of {@link StatusBadge}. */
export interface StatusBadgeProps {
  /** The key's status: `active`, `expiring-soon`, `expired` or `revoked` (`getKeyStatus(key)` works it out). */
  status: APIKeyStatus
  /** Shown on hover and focus for a revoked key. */
  revocationReason?: string | null
  /** An extra class beside `rak-badge rak-badge--<status>`. */
  className?: string
}

/** A key's status as a coloured badge; a revoked key's reason shows on hover and keyboard focus. */
export function StatusBadge({ status, revocationReason, className }: StatusBadgeProps) {
  const messages = useMessages()
  const tooltipId = useId()
  const label = messages.status[status]
  const classes = clsx('rak-badge', `rak-badge--${status}`, className)
  if (status !== 'revoked' || !revocationReason) return <span className={classes}>{label}</span>
  return (
    <span className="rak-tooltip-anchor">
      <span className={classes} tabIndex={0} aria-describedby={tooltipId}>
        {label}
      </span>
      <span role="tooltip" id={tooltipId} className="rak-tooltip">
        {messages.revokedBecause(revocationReason)}
      </span>
    </span>
  )
}
