'use client'
import { clsx } from 'clsx'
import { useMessages } from '../../react/use-localization'

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  /** The search that found nothing, if any. */
  query: string
  /** Whether a status filter is narrowing the list. */
  filtered: boolean
  onCreate: () => void
  onClearSearch: () => void
  className?: string
}

/** What the table says when it has no rows: a first-key call to action, or why a search found nothing. */
export function EmptyState({ query, filtered, onCreate, onClearSearch, className }: EmptyStateProps) {
  const messages = useMessages()
  return (
    <div className={clsx('rak-empty', className)}>
      <p className="rak-empty-title">
        {query ? messages.noMatches(query) : filtered ? messages.noFilterMatches : messages.emptyTitle}
      </p>
      {query ? (
        <button type="button" className="rak-button rak-button--secondary" onClick={onClearSearch}>
          {messages.clearSearch}
        </button>
      ) : (
        !filtered && (
          <>
            <p className="rak-empty-body">{messages.emptyBody}</p>
            <button type="button" className="rak-button rak-button--primary" onClick={onCreate}>
              {messages.createButton}
            </button>
          </>
        )
      )}
    </div>
  )
}
