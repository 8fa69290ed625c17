'use client'
import { useMemo } from 'react'
import { useLocale } from '../../react/use-localization'
import { createFormatters, type Formatters } from './format'

/** Date and relative-time formatters for the Provider's locale. */
export function useFormatters(): Formatters {
  const locale = useLocale()
  return useMemo(() => createFormatters(locale), [locale])
}
