'use client'
import { clsx } from 'clsx'
import { useId } from 'react'
import type { APIKeyResource } from '../../core/types'
import { getKeyStatus, isUsableStatus } from '../../core/key-status'
import { isRollable } from '../../core/key-rollable'
import { maskedKey } from '../../core/masked-key'
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
  /** Opens the key's details: the name becomes a button and a "Details" action appears. */
  onOpenDetails?: (key: APIKeyResource) => void
  /** A rolled key's replacement as masked key (`sk_…qeUS`), when it is on this page. */
  replacement?: string | null
  /** The "Created by" cell's text, when the table has that column. */
  createdBy?: string
  className?: string
  badgeClassName?: string
  actionsClassName?: string
}

/**
 * One key in the table: name, masked key, status, dates, and the actions it allows. A revoked key shows
 * when it was revoked where its expiry would stand, and its reason; a rolled key still in its grace
 * period shows when it stops and what replaced it, and offers to revoke it now but not to roll it again.
 */
export function KeyRow(props: KeyRowProps) {
  const { apiKey, now, format, showDescription, canRoll, onOpenDetails } = props
  const messages = useMessages()
  const maskedId = useId()
  // The buttons that open dialogs register themselves, so focus comes back to them (or near them).
  const detailsTarget = useReturnTarget('details', apiKey.id)
  const rollTarget = useReturnTarget('roll', apiKey.id)
  const revokeTarget = useReturnTarget('revoke', apiKey.id)
  const status = getKeyStatus(apiKey, now)
  const usable = isUsableStatus(status)
  const rollable = isRollable(apiKey, now)
  // A rolled key that still works until its grace period ends.
  const rollingOver = usable && !rollable && apiKey.expiration !== null
  const masked = maskedKey(apiKey)
  return (
    <tr className={clsx('rak-row', `rak-row--${status}`, props.className)} aria-rowindex={props.rowIndex}>
      <th scope="row" className="rak-cell rak-cell--name">
        {onOpenDetails ? (
          <button
            type="button"
            className="rak-key-name"
            aria-describedby={maskedId}
            data-rak-key={apiKey.id}
            ref={detailsTarget}
            data-rak-action="details"
            onClick={() => onOpenDetails(apiKey)}
          >
            {apiKey.name}
          </button>
        ) : (
          <span className="rak-key-name">{apiKey.name}</span>
        )}
        {showDescription && apiKey.description && <span className="rak-key-description">{apiKey.description}</span>}
      </th>
      <td className="rak-cell rak-cell--key">
        <code id={maskedId} className="rak-masked-key">
          {masked}
        </code>
      </td>
      <td className="rak-cell rak-cell--status">
        <StatusBadge status={status} className={props.badgeClassName} />
        {status === 'revoked' && apiKey.revocationReason && (
          <span className="rak-revocation-reason">{messages.revocationReason(apiKey.revocationReason)}</span>
        )}
      </td>
      <DateCell date={apiKey.createdAt} now={now} format={format} label={messages.columnCreated} />
      {status === 'revoked' && apiKey.revokedAt ? (
        <DateCell
          date={apiKey.revokedAt}
          now={now}
          format={format}
          label={messages.columnExpires}
          describe={messages.revokedWhen}
        />
      ) : rollingOver && apiKey.expiration ? (
        <td className="rak-cell rak-cell--date rak-cell--rolling-over" data-label={messages.columnExpires}>
          <time dateTime={apiKey.expiration.toISOString()}>
            {messages.rollingOver(format.dateTime(apiKey.expiration), props.replacement ?? null)}
          </time>
        </td>
      ) : (
        <DateCell
          date={apiKey.expiration}
          now={now}
          format={format}
          label={messages.columnExpires}
          fallback={messages.neverExpires}
          upcoming
        />
      )}
      <DateCell
        date={apiKey.lastUsedAt}
        now={now}
        format={format}
        label={messages.columnLastUsed}
        fallback={messages.neverUsed}
      />
      {props.createdBy !== undefined && (
        <td className="rak-cell rak-cell--created-by" data-label={messages.createdBy}>
          {props.createdBy}
        </td>
      )}
      <td className={clsx('rak-cell rak-cell--actions', props.actionsClassName)}>
        <span className="rak-row-actions">
          {onOpenDetails && (
            // The name before it opens the same details: one tab stop per row for it is enough.
            <button
              type="button"
              tabIndex={-1}
              className="rak-button rak-button--ghost"
              aria-label={messages.detailsAction(apiKey.name, apiKey.lastFour)}
              data-rak-key={apiKey.id}
              ref={detailsTarget}
              data-rak-action="details"
              onClick={() => onOpenDetails(apiKey)}
            >
              {messages.details}
            </button>
          )}
          {canRoll && rollable && (
            <button
              type="button"
              className="rak-button rak-button--ghost"
              aria-label={messages.rollAction(apiKey.name, apiKey.lastFour)}
              data-rak-key={apiKey.id}
              ref={rollTarget}
              data-rak-action="roll"
              onClick={() => props.onRoll(apiKey)}
            >
              {messages.roll}
            </button>
          )}
          {usable && (
            <button
              type="button"
              className="rak-button rak-button--ghost rak-button--danger-text"
              aria-label={(rollingOver ? messages.revokeNowAction : messages.revokeAction)(
                apiKey.name,
                apiKey.lastFour,
              )}
              data-rak-key={apiKey.id}
              ref={revokeTarget}
              data-rak-action="revoke"
              onClick={() => props.onRevoke(apiKey)}
            >
              {rollingOver ? messages.revokeNow : messages.revoke}
            </button>
          )}
        </span>
      </td>
    </tr>
  )
}
