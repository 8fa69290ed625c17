'use client'
import { clsx } from 'clsx'
import { useMemo, useRef } from 'react'
import { maskedKey } from '../../core/masked-key'
import type { APIKeyResource } from '../../core/types'
import { useMessages } from '../../react/use-localization'
import type { ClassNames, ManagerPart } from '../shared/class-names'
import { useFormatters } from '../shared/format'
import { useNow } from '../shared/use-now'
import { KeyRow, type KeyRowProps } from './KeyRow'
import { SkeletonRows } from './SkeletonRows'
import { useTableColumns } from './table-columns'
import { useRowWindow } from './use-row-window'

/** Props of {@link KeysTable}. */
export interface KeysTableProps extends Pick<
  KeyRowProps,
  'showDescription' | 'canRoll' | 'onRevoke' | 'onRoll' | 'onOpenDetails'
> {
  keys: APIKeyResource[]
  loading: boolean
  busy: boolean
  classNames?: ClassNames<ManagerPart>
}

/** A row standing in for `rows` rows that are not rendered, as tall as they would be. */
function Spacer({ rows, rowHeight, columns }: { rows: number; rowHeight: number; columns: number }) {
  if (rows === 0) return null
  return (
    <tr aria-hidden="true" className="rak-spacer" style={{ height: rows * rowHeight }}>
      <td colSpan={columns} />
    </tr>
  )
}

/**
 * The keys as a real table, with skeleton rows while the first page loads. Its columns have fixed
 * widths, so loading, loaded and filtered pages line up; in a narrow place (a phone, 200% zoom) each
 * row is laid out as a card. A page of more than 60 keys renders only the rows near the viewport;
 * `aria-rowcount` and `aria-rowindex` keep the whole table's size and each row's place known to
 * assistive technology.
 */
export function KeysTable(props: KeysTableProps) {
  const messages = useMessages()
  const format = useFormatters()
  const now = useNow()
  const body = useRef<HTMLTableSectionElement>(null)
  const { classNames = {}, keys } = props
  const { createdBy } = useTableColumns()
  const columns = createdBy ? 8 : 7
  const rows = useRowWindow(body, props.loading ? 0 : keys.length)
  // A rolled key names its replacement by masked key. Found on this page here (a table given its keys
  // directly, as in a story, has nothing in the cache); else its row looks in every cached page.
  const byId = useMemo(
    () => (keys.some((key) => key.replacedBy) ? new Map(keys.map((key) => [key.id, key])) : null),
    [keys],
  )
  const replacementOf = (key: APIKeyResource): string | null => {
    const replacement = key.replacedBy ? byId?.get(key.replacedBy) : undefined
    return replacement ? maskedKey(replacement) : null
  }
  return (
    <>
      <table
        className={clsx('rak-table', classNames.table)}
        aria-busy={props.busy || undefined}
        aria-rowcount={props.loading ? undefined : keys.length + 1}
      >
        <caption className="rak-sr-only">{messages.tableCaption}</caption>
        <colgroup>
          <col className="rak-col--name" />
          <col className="rak-col--key" />
          <col className="rak-col--status" />
          <col className="rak-col--date" />
          <col className="rak-col--date rak-col--expires" />
          <col className="rak-col--date" />
          {createdBy && <col className="rak-col--created-by" />}
          <col className="rak-col--actions" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{messages.columnName}</th>
            <th scope="col">{messages.columnKey}</th>
            <th scope="col">{messages.columnStatus}</th>
            <th scope="col">{messages.columnCreated}</th>
            <th scope="col">{messages.columnExpires}</th>
            <th scope="col">{messages.columnLastUsed}</th>
            {createdBy && <th scope="col">{messages.createdBy}</th>}
            <th scope="col">
              <span className="rak-sr-only">{messages.columnActions}</span>
            </th>
          </tr>
        </thead>
        <tbody ref={body} onFocus={rows.onFocus}>
          {props.loading ? (
            <SkeletonRows showDescription={props.showDescription} createdBy={createdBy !== undefined} />
          ) : (
            <>
              <Spacer rows={rows.start} rowHeight={rows.rowHeight} columns={columns} />
              {keys.slice(rows.start, rows.end).map((key, offset) => (
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
                  onOpenDetails={props.onOpenDetails}
                  replacement={replacementOf(key)}
                  createdBy={createdBy && (key.createdBy ? createdBy(key.createdBy) : '')}
                  className={classNames.row}
                  badgeClassName={classNames.badge}
                  actionsClassName={classNames.actions}
                />
              ))}
              <Spacer rows={keys.length - rows.end} rowHeight={rows.rowHeight} columns={columns} />
            </>
          )}
        </tbody>
      </table>
    </>
  )
}
