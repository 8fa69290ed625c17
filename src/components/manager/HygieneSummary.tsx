'use client'
import { clsx } from 'clsx'
import { hygieneCounts, type HygieneFilter } from '../../core/key-hygiene'
import type { APIKeyResource } from '../../core/types'
import { useMessages } from '../../react/use-localization'
import { useNow } from '../shared/use-now'

/** Props of {@link HygieneSummary}. */
export interface HygieneSummaryProps {
  /**
   * The keys the list has loaded (the page shown, before this filter): without `counts`, the summary
   * counts these only, and says so.
   */
  keys: readonly APIKeyResource[]
  /**
   * How many keys have each finding over every key, as a backend that filters by hygiene answers
   * (`supports.hygiene`): shown instead of counting `keys`, and without the "on this page" hint.
   */
  counts?: Record<HygieneFilter, number>
  /** The finding the list is narrowed to, or null for every key. */
  filter: HygieneFilter | null
  /** Called with the finding to narrow the list to, or null to show every key again. */
  onFilterChange: (filter: HygieneFilter | null) => void
  className?: string
}

const FINDINGS: readonly HygieneFilter[] = ['expiring-this-week', 'unused']

/**
 * "2 keys expire this week", "3 keys unused for 90 days": what needs a look, each a toggle that
 * narrows the list to those keys. Counts the given `counts` (every key) when passed, else the loaded
 * `keys` (and says they are the page's). Renders nothing when nothing needs a look.
 */
export function HygieneSummary({ keys, counts: given, filter, onFilterChange, className }: HygieneSummaryProps) {
  const messages = useMessages()
  const now = useNow()
  const counts = given ?? hygieneCounts(keys, now)
  const shown = FINDINGS.filter((finding) => counts[finding] > 0 || finding === filter)
  if (shown.length === 0) return null
  const label = (finding: HygieneFilter): string =>
    finding === 'unused' ? messages.hygieneUnused(counts.unused) : messages.hygieneExpiringThisWeek(counts[finding])
  return (
    <section className={clsx('rak-hygiene', className)} aria-label={messages.hygieneLabel}>
      <ul className="rak-hygiene-findings">
        {shown.map((finding) => (
          <li key={finding}>
            <button
              type="button"
              className="rak-button rak-button--secondary rak-hygiene-finding"
              aria-pressed={filter === finding}
              onClick={() => onFilterChange(filter === finding ? null : finding)}
            >
              {label(finding)}
            </button>
          </li>
        ))}
        {filter !== null && (
          <li>
            <button type="button" className="rak-button rak-button--link" onClick={() => onFilterChange(null)}>
              {messages.hygieneShowAll}
            </button>
          </li>
        )}
      </ul>
      {given === undefined && <p className="rak-hint">{messages.hygieneScope}</p>}
    </section>
  )
}
