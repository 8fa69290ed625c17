const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 60 * 60 * 1000],
  ['month', 30 * 24 * 60 * 60 * 1000],
  ['week', 7 * 24 * 60 * 60 * 1000],
  ['day', 24 * 60 * 60 * 1000],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
]

/** Formatters for one locale, made once per render of a list. */
export interface Formatters {
  /** "5 minutes ago", "in 3 days", "now". */
  relative(date: Date, now: number): string
  /** A full date and time, for titles. */
  dateTime(date: Date): string
  /** A date without time, for captions. */
  date(date: Date): string
}

/** Formatters on `Intl` for `locale` (undefined: the runtime's default). */
export function createFormatters(locale: string | undefined): Formatters {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' })
  return {
    relative(value, now) {
      const diff = value.getTime() - now
      for (const [unit, size] of UNITS) {
        if (Math.abs(diff) >= size) return relative.format(Math.trunc(diff / size), unit)
      }
      return relative.format(0, 'second')
    },
    dateTime: (value) => dateTime.format(value),
    date: (value) => date.format(value),
  }
}
