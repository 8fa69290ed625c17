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

/** Each choice and the message that names it. */
const OPTIONS = [
  ['all', 'statusFilterAll'],
  ['active', 'statusFilterActive'],
  ['expired', 'statusFilterExpired'],
  ['revoked', 'statusFilterRevoked'],
] as const

/** All / Active / Expired / Revoked, as a native select (keyboard and screen readers for free). */
export function StatusFilter({ value, onChange, className }: StatusFilterProps) {
  const messages = useMessages()
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
      {OPTIONS.map(([option, label]) => (
        <option key={option} value={option}>
          {messages[label]}
        </option>
      ))}
    </select>
  )
}
