'use client'
import { clsx } from 'clsx'
import type { APIKeyStatusFilter } from '../../core/types'
import { useMessages } from '../../react/use-localization'

/** Props of {@link StatusFilter}. */
export interface StatusFilterProps {
  value: APIKeyStatusFilter | undefined
  onChange: (value: APIKeyStatusFilter | undefined) => void
  className?: string
}

const VALUES: (APIKeyStatusFilter | 'all')[] = ['all', 'active', 'expired', 'revoked']

/** All / Active / Expired / Revoked, as a native select (keyboard and screen readers for free). */
export function StatusFilter({ value, onChange, className }: StatusFilterProps) {
  const messages = useMessages()
  const labels = {
    all: messages.statusFilterAll,
    active: messages.statusFilterActive,
    expired: messages.statusFilterExpired,
    revoked: messages.statusFilterRevoked,
  }
  return (
    <select
      className={clsx('rak-input rak-select rak-status-filter', className)}
      aria-label={messages.statusFilterLabel}
      value={value ?? 'all'}
      onChange={(event) => {
        const next = event.target.value as APIKeyStatusFilter | 'all'
        onChange(next === 'all' ? undefined : next)
      }}
    >
      {VALUES.map((option) => (
        <option key={option} value={option}>
          {labels[option]}
        </option>
      ))}
    </select>
  )
}
