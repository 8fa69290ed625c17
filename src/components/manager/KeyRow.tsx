'use client'
import { clsx } from 'clsx'
import { useId } from 'react'
import type { APIKeyResource } from '../../core/types'
import { getKeyStatus, isUsableStatus } from '../../core/key-status'
import { isRollable, isRollingOver } from '../../core/key-rollable'
import { maskedKey } from '../../core/masked-key'
import { useMessages } from '../../react/use-localization'
import type { Formatters } from '../shared/format'
import { DateCell } from './DateCell'
import { useReturnTarget, useReturnTargetControl } from './focus-return'
import { RollingOverCell } from './RollingOverCell'
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
  /** A rolled key's replacement as masked key (`sk_…qeUS`), when it is on this page; else the cache is asked. */
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
  const nameId = useId()
  const descriptionId = useId()
  // The buttons that open dialogs register themselves, so focus comes back to them (or near them).
  // The name and the Details action both open the details: focus comes back to the one pressed.
  const [nameTarget, namePressed] = useReturnTargetControl('details', apiKey.id, 'name')
  const [detailsTarget, detailsPressed] = useReturnTargetControl('details', apiKey.id, 'action')
  const rollTarget = useReturnTarget('roll', apiKey.id)
  const revokeTarget = useReturnTarget('revoke', apiKey.id)
  const status = getKeyStatus(apiKey, now)
  const usable = isUsableStatus(status)
  const rollable = isRollable(apiKey, now)
  const rollingOver = isRollingOver(apiKey, now)
  const masked = maskedKey(apiKey)
  return (
    <tr className={clsx('rak-row', `rak-row--${status}`, props.className)} aria-rowindex={props.rowIndex}>
      {/* The row header names the row as it reads (name and description), not as its name button is
          named to tell it from the other key of that name: a screen reader repeats it at every cell. */}
      <th
        scope="row"
        className="rak-cell rak-cell--name"
        aria-labelledby={showDescription && apiKey.description ? `${nameId} ${descriptionId}` : nameId}
      >
        {onOpenDetails ? (
          <button
            type="button"
            className="rak-key-name"
            // After a roll two keys share a name: the last four tell their buttons apart. The name
            // comes first, as shown, so a user who says what they see (voice control) finds it.
            aria-label={messages.keyNameLabel(apiKey.name, apiKey.lastFour)}
            data-rak-key={apiKey.id}
            ref={nameTarget}
            data-rak-action="details"
            onClick={() => {
              namePressed()
              onOpenDetails(apiKey)
            }}
          >
            <span id={nameId}>{apiKey.name}</span>
          </button>
        ) : (
          <span id={nameId} className="rak-key-name">
            {apiKey.name}
          </span>
        )}
        {showDescription && apiKey.description && (
          <span id={descriptionId} className="rak-key-description">
            {apiKey.description}
          </span>
        )}
      </th>
      <td className="rak-cell rak-cell--key">
        <code className="rak-masked-key">{masked}</code>
      </td>
      <td className="rak-cell rak-cell--status">
        <StatusBadge status={status} className={props.badgeClassName} />
        {status === 'revoked' && apiKey.revocationReason && (
          <span className="rak-revocation-reason">{messages.revocationReason(apiKey.revocationReason)}</span>
        )}
      </td>
      <DateCell date={apiKey.createdAt} now={now} format={format} label={messages.columnCreated} />
      {status === 'revoked' ? (
        // A revoked key's expiry means nothing: when it was revoked stands there instead, or only that
        // it was, when the backend does not say when.
        <DateCell
          date={apiKey.revokedAt}
          now={now}
          format={format}
          label={messages.columnExpires}
          describe={messages.revokedWhen}
          fallback={messages.status.revoked}
        />
      ) : rollingOver && apiKey.expiration ? (
        <RollingOverCell apiKey={apiKey} stops={apiKey.expiration} format={format} replacement={props.replacement} />
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
              onClick={() => {
                detailsPressed()
                onOpenDetails(apiKey)
              }}
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
