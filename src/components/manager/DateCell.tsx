'use client'
import type { Formatters } from '../shared/format'

/** Props of {@link DateCell}. */
export interface DateCellProps {
  date: Date | null
  now: number
  format: Formatters
  /** The column's name, shown above the date when the table is laid out as cards (`data-label`). */
  label: string
  /** Shown when there is no date ("Never"). */
  fallback?: string
  /** Words around the relative date (`Revoked 15 days ago`); the relative date alone by default. */
  describe?: (relative: string) => string
  /** The date may lie ahead (an expiry); any other is of a past event and never reads as future. */
  upcoming?: boolean
}

/**
 * A table cell with a relative date ("3 days ago") and the exact date and time in its title. The
 * title is written when the pointer first reaches the date, so a page of keys paints without
 * making a single `Intl` date format.
 */
export function DateCell({ date, now, format, label, fallback, describe, upcoming }: DateCellProps) {
  const relative = date && (upcoming ? format.upcoming(date, now) : format.relative(date, now))
  return (
    <td className="rak-cell rak-cell--date" data-label={label}>
      {date && relative ? (
        <time
          dateTime={date.toISOString()}
          onPointerEnter={(event) => (event.currentTarget.title ||= format.dateTime(date))}
        >
          {describe ? describe(relative) : relative}
        </time>
      ) : (
        <span className="rak-muted">{fallback}</span>
      )}
    </td>
  )
}
