'use client'
import { clsx } from 'clsx'
import { useRef, useState } from 'react'
import type { ApiKeysError } from '../core/errors'
import type { APIKeyResource, APIKeyStatusFilter, CreatedAPIKey } from '../core/types'
import { usePagedAPIKeys } from '../react/use-paged-api-keys'
import { useSupports } from '../react/use-api-keys-client'
import { useMessages } from '../react/use-localization'
import { CreateApiKeyDialog } from './dialogs/CreateApiKeyDialog'
import type { ExpirationOption } from './dialogs/expiration'
import { RevokeApiKeyDialog } from './dialogs/RevokeApiKeyDialog'
import { RollApiKeyDialog } from './dialogs/RollApiKeyDialog'
import { SecretRevealDialog, type RevealedKey } from './dialogs/SecretRevealDialog'
import { EmptyState } from './manager/EmptyState'
import { ErrorState } from './manager/ErrorState'
import { KeysTable } from './manager/KeysTable'
import { Pagination } from './manager/Pagination'
import { SearchField } from './manager/SearchField'
import { StatusFilter } from './manager/StatusFilter'
import type { ClassNames, ManagerPart } from './shared/class-names'
import type { ScopeOption } from './shared/scope-option'
import { useDebouncedValue } from './shared/use-debounced-value'

/** The manager's status filter: one status, or `'all'`. */
export type ManagerStatusFilter = APIKeyStatusFilter | 'all'

/** Props of {@link APIKeysManager}. */
export interface APIKeysManagerProps {
  /** Whose keys: an explicit user or team id. Default: the Provider's `organizationId`, else its `userId`. */
  subject?: string
  /**
   * How many keys a page shows.
   * @default 10
   */
  pageSize?: number
  /**
   * Show each key's description in the table, and ask for one in the create dialog.
   * @default true
   */
  showDescription?: boolean
  /**
   * The create dialog's expiration choices: numbers of days, `'never'` and `'custom'` (a date field).
   * @default DEFAULT_EXPIRATION_OPTIONS
   */
  expirationOptions?: readonly ExpirationOption[]
  /**
   * Scopes a new key may be given, offered as checkboxes in the create dialog: values, or
   * `{ value, label, description }` to show a label and what each allows (also in a key's details). Default: none offered.
   */
  availableScopes?: readonly ScopeOption[]
  /** The search text, when the app keeps it (in the URL, say). Leave out to let the manager keep it. */
  query?: string
  /** Called on every change of the search text (the request waits until typing pauses). */
  onQueryChange?: (query: string) => void
  /** The status filter, when the app keeps it. Leave out to let the manager keep it (starting at `'all'`). */
  status?: ManagerStatusFilter
  /** Called when the user picks another status. */
  onStatusChange?: (status: ManagerStatusFilter) => void
  /** The page shown (from 1), when the app keeps it. Leave out to let the manager keep it. */
  page?: number
  /** Called with each new page: after Previous or Next, and when a new search or status goes back to page 1. */
  onPageChange?: (page: number) => void
  /** Called after a key is created, with the key but never its secret. */
  onCreate?: (key: APIKeyResource) => void
  /** Called after a key is revoked, with the key as it now is. */
  onRevoke?: (key: APIKeyResource) => void
  /** Called after a key is rolled, with the replacement (never its secret) and the old key as it now is. */
  onRoll?: (replacement: APIKeyResource, previous: APIKeyResource) => void
  /** Called with every error an action or the list meets (each is also shown to the user). */
  onError?: (error: ApiKeysError) => void
  /** An extra class on the manager's root element, beside `rak-root rak-manager`. */
  className?: string
  /** Extra classes for parts of the manager, beside their stable `rak-` classes. */
  classNames?: ClassNames<ManagerPart>
}

const SEARCH_DEBOUNCE_MS = 300

/**
 * The complete API keys screen: search, status filter, a table with every key's status and dates,
 * paging, and the create, one-time reveal, revoke and roll dialogs.
 */
export function APIKeysManager(props: APIKeysManagerProps) {
  const { subject, pageSize = 10, showDescription = true, classNames = {} } = props
  const messages = useMessages()
  const supports = useSupports()
  // Search and status are the app's when it passes them, else the manager's own.
  const [ownSearch, setOwnSearch] = useState('')
  const [ownStatus, setOwnStatus] = useState<ManagerStatusFilter>('all')
  const search = props.query ?? ownSearch
  const chosenStatus = props.status ?? ownStatus
  const status = chosenStatus === 'all' ? undefined : chosenStatus
  // What the user typed last: typing waits for a pause, a search the app sets (a link, Back) applies at once.
  const [typed, setTyped] = useState<string | null>(null)
  function setSearch(next: string): void {
    setTyped(next)
    setOwnSearch(next)
    props.onQueryChange?.(next)
  }
  function setStatus(next: APIKeyStatusFilter | undefined): void {
    setOwnStatus(next ?? 'all')
    props.onStatusChange?.(next ?? 'all')
  }
  const query = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS, search !== typed)
  const list = usePagedAPIKeys({
    subject,
    query,
    status,
    pageSize,
    keepPreviousData: true,
    page: props.page,
    onPageChange: props.onPageChange,
  })

  const [creating, setCreating] = useState(false)
  // The create dialog mounts when first opened and then stays, so its draft survives closing.
  const [createMounted, setCreateMounted] = useState(false)
  const [revealed, setRevealed] = useState<RevealedKey | null>(null)
  const [revoking, setRevoking] = useState<APIKeyResource | null>(null)
  const [rolling, setRolling] = useState<APIKeyResource | null>(null)
  const createButton = useRef<HTMLButtonElement>(null)
  const searchField = useRef<HTMLInputElement>(null)
  const tableRegion = useRef<HTMLDivElement>(null)
  // Which row action opened the open dialog. Kept as key id and action, not as the element: an
  // optimistic revoke and its rollback re-render the row's buttons.
  const rowAction = useRef<{ keyId: string; action: 'revoke' | 'roll' } | null>(null)

  function openCreate(): void {
    rowAction.current = null
    setCreateMounted(true)
    setCreating(true)
  }

  function openRowAction(key: APIKeyResource, action: 'revoke' | 'roll'): void {
    rowAction.current = { keyId: key.id, action }
    if (action === 'revoke') setRevoking(key)
    else setRolling(key)
  }

  /** Back to the row button that opened a dialog, or to the table when the row has no such button now. */
  function backToRow(): HTMLElement | null {
    const opened = rowAction.current
    const buttons = opened
      ? tableRegion.current?.querySelectorAll<HTMLElement>(`[data-rak-action="${opened.action}"]`)
      : undefined
    const button = [...(buttons ?? [])].find((candidate) => candidate.dataset.rakKey === opened?.keyId)
    return button ?? tableRegion.current
  }

  /** Only the name and the secret go to the reveal dialog; the secret goes nowhere else. */
  function reveal({ name, secret }: CreatedAPIKey): void {
    setRevealed({ name, secret })
  }

  const empty = !list.isLoading && !list.isError && list.data.length === 0
  return (
    <div className={clsx('rak-root rak-manager', props.className, classNames.root)}>
      <div className={clsx('rak-toolbar', classNames.toolbar)}>
        <SearchField ref={searchField} value={search} onChange={setSearch} className={classNames.search} />
        <StatusFilter value={status} onChange={setStatus} className={classNames.statusFilter} />
        <button
          ref={createButton}
          type="button"
          className={clsx('rak-button rak-button--primary rak-create-button', classNames.createButton)}
          onClick={openCreate}
        >
          {messages.createButton}
        </button>
      </div>

      {list.isError && list.error && (
        <ErrorState error={list.error} onRetry={() => void list.revalidate()} className={classNames.errorState} />
      )}

      {empty ? (
        <EmptyState
          query={query}
          filtered={status !== undefined}
          onCreate={openCreate}
          onClearSearch={() => {
            setSearch('')
            searchField.current?.focus()
          }}
          className={classNames.emptyState}
        />
      ) : (
        !(list.isError && list.data.length === 0) && (
          <div ref={tableRegion} className="rak-table-region" tabIndex={-1}>
            <KeysTable
              keys={list.data}
              loading={list.isLoading}
              busy={list.isFetching}
              showDescription={showDescription}
              canRoll={supports.roll}
              onRevoke={(key) => openRowAction(key, 'revoke')}
              onRoll={(key) => openRowAction(key, 'roll')}
              classNames={classNames}
            />
          </div>
        )
      )}

      {list.count > 0 && (
        <Pagination
          page={list.page}
          pageSize={pageSize}
          count={list.count}
          hasPrevious={list.hasPreviousPage}
          hasNext={list.hasNextPage}
          onPrevious={list.fetchPrevious}
          onNext={list.fetchNext}
          className={classNames.pagination}
        />
      )}

      {/* A dialog is mounted only while needed: a screen nobody acts on renders and re-renders none. */}
      {createMounted && (
        <CreateApiKeyDialog
          open={creating}
          onOpenChange={setCreating}
          subject={subject}
          showDescription={showDescription}
          expirationOptions={props.expirationOptions}
          availableScopes={props.availableScopes}
          returnFocusTo={() => createButton.current}
          onError={props.onError}
          onCreated={(created) => {
            setCreating(false)
            reveal(created)
            const { secret: _secret, ...key } = created
            props.onCreate?.(key)
          }}
        />
      )}
      {revealed && (
        <SecretRevealDialog
          apiKey={revealed}
          onDone={() => setRevealed(null)}
          returnFocusTo={() => (rowAction.current ? backToRow() : createButton.current)}
        />
      )}
      {revoking && (
        <RevokeApiKeyDialog
          apiKey={revoking}
          subject={subject}
          onClose={() => setRevoking(null)}
          onRevoked={props.onRevoke}
          onError={props.onError}
          returnFocusTo={backToRow}
        />
      )}
      {rolling && (
        <RollApiKeyDialog
          apiKey={rolling}
          subject={subject}
          onClose={() => setRolling(null)}
          onError={props.onError}
          returnFocusTo={backToRow}
          onRolled={({ replacement, previous }) => {
            setRolling(null)
            reveal(replacement)
            const { secret: _secret, ...key } = replacement
            props.onRoll?.(key, previous)
          }}
        />
      )}
    </div>
  )
}
