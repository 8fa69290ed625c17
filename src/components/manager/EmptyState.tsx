'use client'
import { clsx } from 'clsx'
import { useMessages } from '../../react/use-localization'
import { useReturnTarget } from './focus-return'

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  /** The search that found nothing, if any. */
  query: string
  /** The status filter narrowing the list, as the filter names it ("Revoked"), if any. */
  status?: string
  onCreate: () => void
  /** Clears the search, the status filter, or both: whatever hides the keys. */
  onClear: () => void
  /** Called when a pointer or focus nears the create button, to load its dialog ahead of time. */
  onCreateNear?: () => void
  className?: string
}

/**
 * What the manager says when the table has no rows: a first key's call to action, or which search
 * and filter hide the keys, with one button that clears them.
 */
export function EmptyState({ query, status, onCreate, onClear, onCreateNear, className }: EmptyStateProps) {
  const messages = useMessages()
  const createRef = useReturnTarget('create')
  if (!query && !status) {
    return (
      <div className={clsx('rak-empty', className)}>
        <p className="rak-empty-title">{messages.emptyTitle}</p>
        <p className="rak-empty-body">{messages.emptyBody}</p>
        <button
          ref={createRef}
          type="button"
          className="rak-button rak-button--primary"
          onClick={onCreate}
          onPointerEnter={onCreateNear}
          onFocus={onCreateNear}
        >
          {messages.createButton}
        </button>
      </div>
    )
  }
  return (
    <div className={clsx('rak-empty', className)}>
      <p className="rak-empty-title">
        {query && status
          ? messages.noMatchesWithStatus(query, status)
          : query
            ? messages.noMatches(query)
            : messages.noFilterMatches}
      </p>
      <button type="button" className="rak-button rak-button--secondary" onClick={onClear}>
        {query && status ? messages.clearSearchAndStatus : query ? messages.clearSearch : messages.clearStatus}
      </button>
    </div>
  )
}
