'use client'
import { useMemo } from 'react'
import type { Messages, RelativeTimeUnit } from '../../i18n/messages'
import { useLocale, useMessages } from '../../react/use-localization'

const UNITS: [RelativeTimeUnit, number][] = [
  ['year', 365 * 24 * 60 * 60 * 1000],
  ['month', 30 * 24 * 60 * 60 * 1000],
  ['week', 7 * 24 * 60 * 60 * 1000],
  ['day', 24 * 60 * 60 * 1000],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
]

/** Formatters for one locale, made once per render of a list. */
export interface Formatters {
  /**
   * When an event happened (created, last used, revoked): "5 minutes ago", "now". Never future: `now`
   * is a clock refreshed once a minute that can lag (a late timer, a throttled background tab), and an
   * event after it happened just now.
   */
  relative(date: Date, now: number): string
  /** A date that may lie ahead (an expiry): "in 3 days", "now", "2 days ago". */
  upcoming(date: Date, now: number): string
  /** A full date and time, for titles. */
  dateTime(date: Date): string
  /** A date without time, for captions. */
  date(date: Date): string
}

/**
 * Formatters for `locale` (undefined: the browser's). Relative dates come from the messages, not
 * from `Intl`: the first `Intl` date or number format of a page costs tens of milliseconds while ICU
 * loads its data, so a list paints without one. Each `Intl` format is made when first needed.
 */
function createFormatters(locale: string | undefined, messages: Messages): Formatters {
  let dateTime: Intl.DateTimeFormat | undefined
  let date: Intl.DateTimeFormat | undefined
  function upcoming(value: Date, now: number): string {
    const diff = value.getTime() - now
    // Under a minute is "now": 0 seconds.
    const [unit, size] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? ['second', Infinity]
    return messages.relativeTime(Math.trunc(diff / size), unit)
  }
  return {
    relative: (value, now) => upcoming(value, Math.max(now, value.getTime())),
    upcoming,
    dateTime: (value) =>
      (dateTime ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(value),
    date: (value) => (date ??= new Intl.DateTimeFormat(locale, { dateStyle: 'long' })).format(value),
  }
}

/** Date and relative-time formatters for the Provider's locale and messages. */
export function useFormatters(): Formatters {
  const locale = useLocale()
  const messages = useMessages()
  return useMemo(() => createFormatters(locale, messages), [locale, messages])
}
