'use client'
import { clsx } from 'clsx'
import type { APIKeyResource } from '../../core/types'
import { getKeyStatus, isUsableStatus } from '../../core/key-status'
import { useMessages } from '../../react/use-localization'
import type { Formatters } from '../shared/format'
import { StatusBadge } from './StatusBadge'

/** Props of {@link KeyRow}. */
export interface KeyRowProps {
  apiKey: APIKeyResource
  /** The row's 1-based place in the whole table, header row included (`aria-rowindex`). */
  rowIndex: number
  now: number
  format: Formatters
  showDescription: boolean
  canRoll: boolean
  onRevoke: (key: APIKeyResource) => void
  onRoll: (key: APIKeyResource) => void
  className?: string
  badgeClassName?: string
  actionsClassName?: string
}

/** One key in the table: name, masked key, status, dates, and the actions it allows. */
export function KeyRow(props: KeyRowProps) {
  const { apiKey, now, format, showDescription, canRoll } = props
  const messages = useMessages()
  const status = getKeyStatus(apiKey, now)
  const usable = isUsableStatus(status)
  return (
    <tr className={clsx('rak-row', `rak-row--${status}`, props.className)} aria-rowindex={props.rowIndex}>
      <th scope="row" className="rak-cell rak-cell--name">
        <span className="rak-key-name">{apiKey.name}</span>
        {showDescription && apiKey.description && <span className="rak-key-description">{apiKey.description}</span>}
      </th>
      <td className="rak-cell rak-cell--key">
        <code className="rak-masked-key">{`${apiKey.prefix ?? ''}…${apiKey.lastFour}`}</code>
      </td>
      <td className="rak-cell rak-cell--status">
        <StatusBadge status={status} revocationReason={apiKey.revocationReason} className={props.badgeClassName} />
      </td>
      <td className="rak-cell rak-cell--date">
        <time dateTime={apiKey.createdAt.toISOString()} title={format.dateTime(apiKey.createdAt)}>
          {format.relative(apiKey.createdAt, now)}
        </time>
      </td>
      <td className="rak-cell rak-cell--date">
        {apiKey.expiration ? (
          <time dateTime={apiKey.expiration.toISOString()} title={format.dateTime(apiKey.expiration)}>
            {format.relative(apiKey.expiration, now)}
          </time>
        ) : (
          <span className="rak-muted">{messages.neverExpires}</span>
        )}
      </td>
      <td className="rak-cell rak-cell--date">
        {apiKey.lastUsedAt ? (
          <time dateTime={apiKey.lastUsedAt.toISOString()} title={format.dateTime(apiKey.lastUsedAt)}>
            {format.relative(apiKey.lastUsedAt, now)}
          </time>
        ) : (
          <span className="rak-muted">{messages.neverUsed}</span>
        )}
      </td>
      <td className={clsx('rak-cell rak-cell--actions', props.actionsClassName)}>
        {usable && (
          <span className="rak-row-actions">
            {canRoll && (
              <button type="button" className="rak-button rak-button--ghost" aria-label={messages.rollAction(apiKey.name)} data-rak-key={apiKey.id} data-rak-action="roll" onClick={() => props.onRoll(apiKey)}>
                {messages.roll}
              </button>
            )}
            <button type="button" className="rak-button rak-button--ghost rak-button--danger-text" aria-label={messages.revokeAction(apiKey.name)} data-rak-key={apiKey.id} data-rak-action="revoke" onClick={() => props.onRevoke(apiKey)}>
              {messages.revoke}
            </button>
          </span>
        )}
      </td>
    </tr>
  )
}
