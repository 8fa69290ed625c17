'use client'
import { clsx } from 'clsx'
import { forwardRef } from 'react'
import { useMessages } from '../../react/use-localization'

/** Props of {@link SearchField}. */
export interface SearchFieldProps {
  value: string
  onChange: (value: string) => void
  className?: string
}

/** The search box: `type="search"`, named "Search keys". The manager debounces what it sends. */
export const SearchField = forwardRef<HTMLInputElement, SearchFieldProps>(function SearchField(
  { value, onChange, className },
  ref,
) {
  const messages = useMessages()
  return (
    <input
      ref={ref}
      type="search"
      className={clsx('rak-input rak-search', className)}
      aria-label={messages.searchLabel}
      placeholder={messages.searchPlaceholder}
      value={value}
      maxLength={200}
      onChange={(event) => onChange(event.target.value)}
    />
  )
})
