'use client'
import { useCallback, useEffect, useState, type FocusEvent, type RefObject } from 'react'

/** Above this many rows the table renders only the rows near the viewport. */
export const WINDOW_THRESHOLD = 60
/** Rows rendered beyond each edge of the viewport, so keyboard focus and fast scrolling find rows. */
const OVERSCAN = 10
/** Rows rendered before anything is measured: enough to fill a tall screen. */
const INITIAL_ROWS = 40
/** A row's height until one is measured (one line of name plus one of description). */
const ESTIMATED_ROW_HEIGHT = 53

/** The rows to render: `[start, end)`, and the height that stands in for each row not rendered. */
export interface RowWindow {
  start: number
  end: number
  rowHeight: number
}

/** The window, and a focus handler for the table body that keeps rows around the focused one rendered. */
export interface RowWindowState extends RowWindow {
  onFocus: (event: FocusEvent<HTMLTableSectionElement>) => void
}

const windowOf = (count: number, start: number, end: number, rowHeight: number): RowWindow => ({
  start: Math.max(0, Math.min(start, count)),
  end: Math.max(0, Math.min(end, count)),
  rowHeight,
})

/**
 * Which of `count` rows of `body` to render. Small tables render every row; large ones (a page of
 * hundreds of keys) render the rows in and near the viewport, so mounting and scrolling stay cheap.
 * It follows the scrolling of the window and of any scrolling ancestor.
 */
export function useRowWindow(body: RefObject<HTMLTableSectionElement | null>, count: number): RowWindowState {
  const windowed = count > WINDOW_THRESHOLD
  const [range, setRange] = useState<RowWindow>(() => windowOf(count, 0, INITIAL_ROWS, ESTIMATED_ROW_HEIGHT))

  useEffect(() => {
    if (!windowed) return
    let frame = 0
    const measure = (): void => {
      frame = 0
      const element = body.current
      if (!element) return
      // The average height of the rendered rows stands in for the others; the body's top is where
      // row 0 would be, as the spacer above the rendered rows has the height of the rows it replaces.
      const rows = element.querySelectorAll<HTMLElement>('tr[aria-rowindex]')
      const first = rows[0]?.getBoundingClientRect()
      const last = rows[rows.length - 1]?.getBoundingClientRect()
      const rowHeight = first && last && rows.length > 1 ? (last.bottom - first.top) / rows.length : ESTIMATED_ROW_HEIGHT
      const top = element.getBoundingClientRect().top
      const start = Math.floor(-top / rowHeight) - OVERSCAN
      const end = Math.ceil((window.innerHeight - top) / rowHeight) + OVERSCAN
      const next = windowOf(count, start, end, rowHeight)
      setRange((current) => (current.start === next.start && current.end === next.end && Math.abs(current.rowHeight - next.rowHeight) < 1 ? current : next))
    }
    const schedule = (): void => {
      if (frame === 0) frame = requestAnimationFrame(measure)
    }
    schedule()
    document.addEventListener('scroll', schedule, { capture: true, passive: true })
    window.addEventListener('resize', schedule)
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('scroll', schedule, { capture: true })
      window.removeEventListener('resize', schedule)
    }
  }, [body, count, windowed])

  // Keyboard users move faster than scroll events: when focus enters a row, the rows around it are
  // rendered at once (a focus update is flushed before the next key press), so Tab finds the next row.
  const onFocus = useCallback(
    (event: FocusEvent<HTMLTableSectionElement>) => {
      if (!windowed || !(event.target instanceof Element)) return
      const index = Number(event.target.closest('tr[aria-rowindex]')?.getAttribute('aria-rowindex')) - 2
      if (!Number.isInteger(index) || index < 0) return
      setRange((current) =>
        index - OVERSCAN >= current.start && index + OVERSCAN < current.end
          ? current
          : windowOf(count, Math.min(current.start, index - OVERSCAN), Math.max(current.end, index + OVERSCAN + 1), current.rowHeight),
      )
    },
    [count, windowed],
  )

  const shown = windowed ? windowOf(count, range.start, range.end, range.rowHeight) : { start: 0, end: count, rowHeight: 0 }
  return { ...shown, onFocus }
}
