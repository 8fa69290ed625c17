'use client'
import { clsx } from 'clsx'
import type { APIKeyResource } from '../../core/types'
import { getKeyStatus, isUsableStatus } from '../../core/key-status'
import { useMessages } from '../../react/use-localization'
import type { Formatters } from '../shared/format'
import { DateCell } from './DateCell'
import { useReturnTarget } from './focus-return'
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
  // The buttons that open dialogs register themselves, so focus comes back to them (or near them).
  const rollTarget = useReturnTarget('roll', apiKey.id)
  const revokeTarget = useReturnTarget('revoke', apiKey.id)
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
      <DateCell date={apiKey.createdAt} now={now} format={format} />
      <DateCell date={apiKey.expiration} now={now} format={format} fallback={messages.neverExpires} />
      <DateCell date={apiKey.lastUsedAt} now={now} format={format} fallback={messages.neverUsed} />
      <td className={clsx('rak-cell rak-cell--actions', props.actionsClassName)}>
        {usable && (
          <span className="rak-row-actions">
            {canRoll && (
              <button
                type="button"
                className="rak-button rak-button--ghost"
                aria-label={messages.rollAction(apiKey.name)}
                data-rak-key={apiKey.id}
                ref={rollTarget}
                data-rak-action="roll"
                onClick={() => props.onRoll(apiKey)}
              >
                {messages.roll}
              </button>
            )}
            <button
              type="button"
              className="rak-button rak-button--ghost rak-button--danger-text"
              aria-label={messages.revokeAction(apiKey.name)}
              data-rak-key={apiKey.id}
              ref={revokeTarget}
              data-rak-action="revoke"
              onClick={() => props.onRevoke(apiKey)}
            >
              {messages.revoke}
            </button>
          </span>
        )}
      </td>
    </tr>
  )
}
