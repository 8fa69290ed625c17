'use client'
import { useMemo } from 'react'
import { enMessages } from '../i18n/en'
import type { LocalizationOverrides, Messages } from '../i18n/messages'
import { useApiKeysContext } from './context'

/** Merges overrides into a full set of messages; nested records (statuses, errors, fields) merge key by key. */
export function mergeMessages(base: Messages, overrides: LocalizationOverrides | undefined): Messages {
  if (!overrides) return base
  return {
    ...base,
    ...(overrides as Partial<Messages>),
    status: { ...base.status, ...overrides.status },
    errors: { ...base.errors, ...overrides.errors },
    field: { ...base.field, ...overrides.field },
  }
}

/** The components' strings: English, with the Provider's `localization` laid over them. */
export function useMessages(): Messages {
  const { localization } = useApiKeysContext()
  return useMemo(() => mergeMessages(enMessages, localization), [localization])
}

/** The Provider's locale for dates and numbers, or undefined for the runtime's default. */
export function useLocale(): string | undefined {
  return useApiKeysContext().locale
}
