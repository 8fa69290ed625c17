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

/**
 * All / Active / Expired / Revoked, as a native select (keyboard and screen readers for free), with a
 * visible label: "All" alone does not say what it filters.
 */
export function StatusFilter({ value, onChange, className }: StatusFilterProps) {
  const messages = useMessages()
  return (
    <label className="rak-status-filter-field">
      <span className="rak-status-filter-label">{messages.statusFilterLabel}</span>
      <select
        className={clsx('rak-input rak-select rak-status-filter', className)}
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
    </label>
  )
}
