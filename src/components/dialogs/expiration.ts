/** A choice in the create dialog's expiration list: days from now, never, or a date the user picks. */
export type ExpirationOption = number | 'never' | 'custom'

/** The kit's default choices: Never, 1, 7, 30, 60, 90, 180 days, 1 year, and a custom date. */
export const DEFAULT_EXPIRATION_OPTIONS: readonly ExpirationOption[] = ['never', 1, 7, 30, 60, 90, 180, 365, 'custom']

const DAY_MS = 24 * 60 * 60 * 1000

/** The option selected at first: 30 days when offered (a safe default), else the first. */
export function defaultExpiration(options: readonly ExpirationOption[]): ExpirationOption {
  return options.includes(30) ? 30 : (options[0] ?? 'never')
}

/** `yyyy-mm-dd` of a date in local time, as `<input type="date">` reads and writes it. */
export function toDateInputValue(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The start (local midnight) of a `yyyy-mm-dd` day, or null if the text is not a date. */
function parseDateInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return null
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return Number.isNaN(date.getTime()) ? null : date
}

/** When a choice expires, from `now`: null for never; for a custom date, that day's start (or null if unreadable). */
export function expirationDate(option: ExpirationOption, customDate: string, now: number): Date | null {
  if (option === 'never') return null
  if (option === 'custom') return parseDateInput(customDate)
  return new Date(now + option * DAY_MS)
}
