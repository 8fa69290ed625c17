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
import { useDebouncedValue } from './shared/use-debounced-value'

/** Props of {@link APIKeysManager}. */
export interface APIKeysManagerProps {
  /** Whose keys: defaults to the active organization, then the signed-in user. */
  subject?: string
  /** Keys a page (default 10). */
  pageSize?: number
  /** Show and ask for descriptions (default true). */
  showDescription?: boolean
  /** The create dialog's expiration choices. */
  expirationOptions?: readonly ExpirationOption[]
  /** Scopes a new key may be given, as checkboxes in the create dialog. */
  availableScopes?: readonly string[]
  /** Called after a key is created, with the key but never its secret. */
  onCreate?: (key: APIKeyResource) => void
  /** Called after a key is revoked. */
  onRevoke?: (key: APIKeyResource) => void
  /** Called with every error an action or the list meets (each is also shown to the user). */
  onError?: (error: ApiKeysError) => void
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
  const [search, setSearch] = useState('')
  const [status, setStatus] = useState<APIKeyStatusFilter | undefined>(undefined)
  const query = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS)
  const list = usePagedAPIKeys({ subject, query, status, pageSize, keepPreviousData: true })

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
    const buttons = opened ? tableRegion.current?.querySelectorAll<HTMLElement>(`[data-rak-action="${opened.action}"]`) : undefined
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
        <button ref={createButton} type="button" className={clsx('rak-button rak-button--primary rak-create-button', classNames.createButton)} onClick={openCreate}>
          {messages.createButton}
        </button>
      </div>

      {list.isError && list.error && <ErrorState error={list.error} onRetry={() => void list.revalidate()} className={classNames.errorState} />}

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
      {revealed && <SecretRevealDialog apiKey={revealed} onDone={() => setRevealed(null)} returnFocusTo={() => (rowAction.current ? backToRow() : createButton.current)} />}
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
          onRolled={({ replacement }) => {
            setRolling(null)
            reveal(replacement)
          }}
        />
      )}
    </div>
  )
}
