'use client'
import { clsx } from 'clsx'
import { useRef } from 'react'
import type { APIKeyResource } from '../../core/types'
import { useMessages } from '../../react/use-localization'
import type { ClassNames, ManagerPart } from '../shared/class-names'
import { useFormatters } from '../shared/format'
import { useNow } from '../shared/use-now'
import { KeyRow, type KeyRowProps } from './KeyRow'
import { SkeletonRows } from './SkeletonRows'
import { useRowWindow } from './use-row-window'

/** Props of {@link KeysTable}. */
export interface KeysTableProps extends Pick<KeyRowProps, 'showDescription' | 'canRoll' | 'onRevoke' | 'onRoll'> {
  keys: APIKeyResource[]
  loading: boolean
  busy: boolean
  classNames?: ClassNames<ManagerPart>
}

const COLUMNS = 7

/** A row standing in for `rows` rows that are not rendered, as tall as they would be. */
function Spacer({ rows, rowHeight }: { rows: number; rowHeight: number }) {
  if (rows === 0) return null
  return (
    <tr aria-hidden="true" className="rak-spacer" style={{ height: rows * rowHeight }}>
      <td colSpan={COLUMNS} />
    </tr>
  )
}

/**
 * The keys as a real table, with skeleton rows while the first page loads. A page of more than 60
 * keys renders only the rows near the viewport; `aria-rowcount` and `aria-rowindex` keep the whole
 * table's size and each row's place known to assistive technology.
 */
export function KeysTable(props: KeysTableProps) {
  const messages = useMessages()
  const format = useFormatters()
  const now = useNow()
  const body = useRef<HTMLTableSectionElement>(null)
  const { classNames = {} } = props
  const rows = useRowWindow(body, props.loading ? 0 : props.keys.length)
  return (
    <>
      <table
        className={clsx('rak-table', classNames.table)}
        aria-busy={props.busy || undefined}
        aria-rowcount={props.loading ? undefined : props.keys.length + 1}
      >
        <caption className="rak-sr-only">{messages.tableCaption}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{messages.columnName}</th>
            <th scope="col">{messages.columnKey}</th>
            <th scope="col">{messages.columnStatus}</th>
            <th scope="col">{messages.columnCreated}</th>
            <th scope="col">{messages.columnExpires}</th>
            <th scope="col">{messages.columnLastUsed}</th>
            <th scope="col">
              <span className="rak-sr-only">{messages.columnActions}</span>
            </th>
          </tr>
        </thead>
        <tbody ref={body} onFocus={rows.onFocus}>
          {props.loading ? (
            <SkeletonRows columns={COLUMNS} />
          ) : (
            <>
              <Spacer rows={rows.start} rowHeight={rows.rowHeight} />
              {props.keys.slice(rows.start, rows.end).map((key, offset) => (
                <KeyRow
                  key={key.id}
                  rowIndex={rows.start + offset + 2}
                  apiKey={key}
                  now={now}
                  format={format}
                  showDescription={props.showDescription}
                  canRoll={props.canRoll}
                  onRevoke={props.onRevoke}
                  onRoll={props.onRoll}
                  className={classNames.row}
                  badgeClassName={classNames.badge}
                  actionsClassName={classNames.actions}
                />
              ))}
              <Spacer rows={props.keys.length - rows.end} rowHeight={rows.rowHeight} />
            </>
          )}
        </tbody>
      </table>
    </>
  )
}
