'use client'
import { useCallback, useEffect, useState, type FocusEvent, type RefObject } from 'react'

/** Above this many rows the table renders only the rows near the viewport. */
const WINDOW_THRESHOLD = 60
/** Rows rendered beyond each edge of the viewport, so keyboard focus and fast scrolling find rows. */
const OVERSCAN = 10
/** The shortest a row can be (one line of text): rows rendered before anything is measured fill the viewport even at this height. */
const MIN_ROW_HEIGHT = 40
/** A row's height until one is measured (one line of name plus one of description). */
const ESTIMATED_ROW_HEIGHT = 53

/** The rows to render, `[start, end)`, the height that stands in for each row not rendered, and a
 * focus handler for the table body that keeps the rows around the focused one rendered. */
export interface RowWindow {
  start: number
  end: number
  rowHeight: number
  onFocus: (event: FocusEvent<HTMLTableSectionElement>) => void
}

/**
 * Which of `count` rows of `body` to render. Small tables render every row; large ones (a page of
 * hundreds of keys) render the rows in and near the viewport, so mounting and scrolling stay cheap.
 * It follows the scrolling of the window and of any scrolling ancestor.
 */
export function useRowWindow(body: RefObject<HTMLTableSectionElement | null>, count: number): RowWindow {
  const windowed = count > WINDOW_THRESHOLD
  // Before the first measurement: as many rows as the viewport holds, counted from innerHeight, which
  // forces no layout (a server counts for a full-HD screen). Rendering more rows first cost ~20 ms at mount.
  const [range, setRange] = useState(() => ({
    start: 0,
    end: Math.ceil((typeof innerHeight == 'number' ? innerHeight : 1080) / MIN_ROW_HEIGHT),
    rowHeight: ESTIMATED_ROW_HEIGHT,
  }))

  useEffect(() => {
    if (!windowed) return
    let frame = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const measure = (): void => {
      frame = 0
      timer = undefined
      const element = body.current
      if (!element) return
      // The rendered rows' average height stands in for the others. The body's top is where row 0
      // would be, as the spacer above the rendered rows is as tall as the rows it replaces.
      const rows = element.querySelectorAll('tr[aria-rowindex]')
      const first = rows[0]
      const last = rows[rows.length - 1]
      const rowHeight =
        first && last && rows.length > 1
          ? (last.getBoundingClientRect().bottom - first.getBoundingClientRect().top) / rows.length
          : ESTIMATED_ROW_HEIGHT
      const top = element.getBoundingClientRect().top
      const start = Math.max(0, Math.floor(-top / rowHeight) - OVERSCAN)
      const end = Math.ceil((innerHeight - top) / rowHeight) + OVERSCAN
      setRange((current) =>
        current.start === start && current.end === end && Math.round(current.rowHeight) === Math.round(rowHeight)
          ? current
          : { start, end, rowHeight },
      )
    }
    // Measured in a task after the frame is drawn, when layout is already done, so measuring never
    // forces a layout of its own; the overscan covers what a frame of scrolling reveals meanwhile.
    const schedule = (): void => {
      frame ||= requestAnimationFrame(() => (timer = setTimeout(measure)))
    }
    schedule()
    document.addEventListener('scroll', schedule, { capture: true, passive: true })
    addEventListener('resize', schedule)
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
      document.removeEventListener('scroll', schedule, { capture: true })
      removeEventListener('resize', schedule)
    }
  }, [body, windowed])

  // Keyboard users move faster than scroll events: when focus enters a row, the rows around it are
  // rendered at once (a focus update is flushed before the next key press), so Tab finds the next row.
  const onFocus = useCallback((event: FocusEvent<HTMLTableSectionElement>) => {
    const index = Number((event.target as Element).closest('tr[aria-rowindex]')?.getAttribute('aria-rowindex')) - 2
    if (!(index >= 0)) return
    setRange((current) =>
      index - OVERSCAN < current.start || index + OVERSCAN >= current.end
        ? {
            ...current,
            start: Math.max(0, Math.min(current.start, index - OVERSCAN)),
            end: Math.max(current.end, index + OVERSCAN + 1),
          }
        : current,
    )
  }, [])

  return windowed
    ? { start: Math.min(range.start, count), end: Math.min(range.end, count), rowHeight: range.rowHeight, onFocus }
    : { start: 0, end: count, rowHeight: 0, onFocus }
}
