'use client'
import type { Formatters } from '../shared/format'

/** Props of {@link DateCell}. */
export interface DateCellProps {
  date: Date | null
  now: number
  format: Formatters
  /** Shown when there is no date ("Never"). */
  fallback?: string
}

/**
 * A table cell with a relative date ("3 days ago") and the exact date and time in its title. The
 * title is written when the pointer first reaches the date, so a page of keys paints without
 * making a single `Intl` date format.
 */
export function DateCell({ date, now, format, fallback }: DateCellProps) {
  return (
    <td className="rak-cell rak-cell--date">
      {date ? (
        <time
          dateTime={date.toISOString()}
          onPointerEnter={(event) => (event.currentTarget.title ||= format.dateTime(date))}
        >
          {format.relative(date, now)}
        </time>
      ) : (
        <span className="rak-muted">{fallback}</span>
      )}
    </td>
  )
}
