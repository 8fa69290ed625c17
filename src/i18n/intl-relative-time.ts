import type { Messages } from './messages'

/**
 * A `relativeTime` for the messages of a language the kit has no strings for, made with
 * `Intl.RelativeTimeFormat` ("vor 3 Tagen", "il y a 3 jours"). The first `Intl` format of a page
 * costs tens of milliseconds while ICU loads its data, so it is made on the first date shown.
 */
export function intlRelativeTime(locale?: string): Messages['relativeTime'] {
  let format: Intl.RelativeTimeFormat | undefined
  return (amount, unit) => (format ??= new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(amount, unit)
}
