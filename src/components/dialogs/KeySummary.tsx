'use client'
import { maskedKey } from '../../core/masked-key'
import type { APIKeyResource } from '../../core/types'
import { useMessages } from '../../react/use-localization'
import { useFormatters } from '../shared/format'
import { useNow } from '../shared/use-now'

/** Props of {@link KeySummary}. */
export interface KeySummaryProps {
  apiKey: APIKeyResource
}

/** Used within this time counts as still in use: a revoke or roll will be felt by someone. */
const RECENT_USE_MS = 7 * 24 * 60 * 60 * 1000

/**
 * Which key a confirmation acts on, and what it will break: the masked key, when it was created,
 * and when it was last used ("Last used 5 minutes ago: something still uses this key.").
 */
export function KeySummary({ apiKey }: KeySummaryProps) {
  const messages = useMessages()
  const format = useFormatters()
  const now = useNow()
  const lastUsed = apiKey.lastUsedAt
  const recent = lastUsed !== null && now - lastUsed.getTime() < RECENT_USE_MS
  return (
    <div className="rak-key-summary">
      <dl className="rak-key-facts">
        <div>
          <dt>{messages.columnKey}</dt>
          <dd>
            <code className="rak-masked-key">{maskedKey(apiKey)}</code>
          </dd>
        </div>
        <div>
          <dt>{messages.columnCreated}</dt>
          <dd>
            <time dateTime={apiKey.createdAt.toISOString()}>{format.dateTime(apiKey.createdAt)}</time>
          </dd>
        </div>
      </dl>
      <p className={recent ? 'rak-callout rak-callout--warning' : 'rak-hint'}>
        {lastUsed === null
          ? messages.neverUsedNote
          : recent
            ? messages.lastUsedRecently(format.relative(lastUsed, now))
            : messages.lastUsedAt(format.relative(lastUsed, now))}
      </p>
    </div>
  )
}
