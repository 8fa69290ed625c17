'use client'
import type { APIKeyResource } from '../../core/types'
import { maskedKey } from '../../core/masked-key'
import { useMessages } from '../../react/use-localization'
import { useCachedKey } from '../details/use-cached-key'
import type { Formatters } from '../shared/format'

/** Props of {@link RollingOverCell}. */
export interface RollingOverCellProps {
  /** A rolled key still in its grace period. */
  apiKey: APIKeyResource
  /** When its grace period ends. */
  stops: Date
  format: Formatters
  /** Its replacement as masked key (`sk_…qeUS`), when the table was given it among its keys. */
  replacement?: string | null
}

/**
 * The Expires cell of a rolled key still in its grace period: when it stops, and the masked key that
 * replaced it. The replacement is newer than every other key, so it is often on another page: then
 * any page loaded before (the first, say) names it. A page nobody loaded cannot: the table shows what
 * is cached and fetches nothing, so the row then says "a new key".
 */
export function RollingOverCell({ apiKey, stops, format, replacement }: RollingOverCellProps) {
  const messages = useMessages()
  // A key's lists are its subject's lists, so the key's own subject finds them, in any section.
  const cached = useCachedKey(replacement ? undefined : apiKey.replacedBy, apiKey.subject)
  return (
    <td className="rak-cell rak-cell--date rak-cell--rolling-over" data-label={messages.columnExpires}>
      <time dateTime={stops.toISOString()}>
        {messages.rollingOver(format.dateTime(stops), replacement ?? (cached ? maskedKey(cached) : null))}
      </time>
    </td>
  )
}
