'use client'
import { clsx } from 'clsx'
import type { APIKeyResource } from '../../core/types'
import { useMessages } from '../../react/use-localization'
import type { ClassNames, ManagerPart } from '../shared/class-names'
import { useFormatters } from '../shared/use-formatters'
import { useNow } from '../shared/use-now'
import { KeyRow } from './KeyRow'
import { SkeletonRows } from './SkeletonRows'

/** Props of {@link KeysTable}. */
export interface KeysTableProps {
  keys: APIKeyResource[]
  loading: boolean
  busy: boolean
  showDescription: boolean
  canRoll: boolean
  onRevoke: (key: APIKeyResource) => void
  onRoll: (key: APIKeyResource) => void
  classNames?: ClassNames<ManagerPart>
}

const COLUMNS = 7

/** The keys as a real table, with skeleton rows while the first page loads. */
export function KeysTable(props: KeysTableProps) {
  const messages = useMessages()
  const format = useFormatters()
  const now = useNow()
  const { classNames = {} } = props
  return (
    <>
      {props.loading && (
        <p role="status" className="rak-sr-only">
          {messages.loading}
        </p>
      )}
      <table className={clsx('rak-table', classNames.table)} aria-busy={props.busy || undefined}>
        <caption className="rak-sr-only">{messages.tableCaption}</caption>
        <thead>
          <tr>
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
        <tbody>
          {props.loading ? (
            <SkeletonRows columns={COLUMNS} />
          ) : (
            props.keys.map((key) => (
              <KeyRow
                key={key.id}
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
            ))
          )}
        </tbody>
      </table>
    </>
  )
}
