'use client'
import { clsx } from 'clsx'
import { useMessages } from '../../react/use-localization'

/** Props of {@link Pagination}. */
export interface PaginationProps {
  page: number
  pageSize: number
  count: number
  hasPrevious: boolean
  hasNext: boolean
  onPrevious: () => void
  onNext: () => void
  className?: string
}

/** "Showing 11–20 of 45" with Previous and Next. */
export function Pagination(props: PaginationProps) {
  const messages = useMessages()
  // No keys: "0–0 of 0".
  const from = Math.min(props.count, (props.page - 1) * props.pageSize + 1)
  const to = Math.min(props.count, props.page * props.pageSize)
  return (
    <nav className={clsx('rak-pagination', props.className)} aria-label={messages.paginationLabel}>
      <p className="rak-pagination-summary" aria-live="polite">
        {messages.pagination(from, to, props.count)}
      </p>
      <span className="rak-pagination-buttons">
        <button
          type="button"
          className="rak-button rak-button--secondary"
          onClick={props.onPrevious}
          disabled={!props.hasPrevious}
        >
          {messages.previousPage}
        </button>
        <button
          type="button"
          className="rak-button rak-button--secondary"
          onClick={props.onNext}
          disabled={!props.hasNext}
        >
          {messages.nextPage}
        </button>
      </span>
    </nav>
  )
}
