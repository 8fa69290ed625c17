'use client'
import { clsx } from 'clsx'
import { useEffect, useReducer, useRef, useState } from 'react'
import { matchesHygiene, type HygieneFilter } from '../core/key-hygiene'
import type { ApiKeysError } from '../core/errors'
import type { APIKeyResource, APIKeyStatusFilter } from '../core/types'
import { usePagedAPIKeys } from '../react/use-paged-api-keys'
import { useSupports } from '../react/use-api-keys-client'
import { useHygieneCounts } from '../react/use-hygiene-counts'
import { useMessages } from '../react/use-localization'
import { useEffectBeforePaint } from '../react/use-effect-before-paint'
import type { ResolveUser } from './details/creator-name'
import type { ExpirationOption } from './dialogs/expiration'
import { dialogReducer, NO_DIALOG } from './manager/dialog-state'
import { EmptyState } from './manager/EmptyState'
import { ErrorState } from './manager/ErrorState'
import { HygieneSummary } from './manager/HygieneSummary'
import {
  ReturnTargetsProvider,
  useReturnTarget,
  useReturnTargetsRoot,
  type OpeningAction,
} from './manager/focus-return'
import { KeysTable } from './manager/KeysTable'
import {
  LazyCreateApiKeyDialog,
  LazyKeyDetailsSheet,
  LazyRevokeApiKeyDialog,
  LazyRollApiKeyDialog,
  LazySecretRevealDialog,
  prefetchDialogs,
} from './manager/lazy-dialogs'
import { LiveRegion, useAnnouncer } from './manager/LiveRegion'
import { Pagination } from './manager/Pagination'
import { SearchField } from './manager/SearchField'
import { StatusFilter } from './manager/StatusFilter'
import type { ClassNames, ManagerPart } from './shared/class-names'
import type { ScopeOption } from './shared/scope-option'
import { useDebouncedValue } from './shared/use-debounced-value'
import { useIdleAfter } from './shared/use-idle-after'
import { useNow } from './shared/use-now'

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
   * Show each key's description in the table, and ask for one in the create dialog (never on a
   * backend whose fetcher says `supports.description: false`).
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
  /** The app's name for a user id, shown as "Created by" in a key's details; else "You", a team's name, or the id. */
  resolveUser?: ResolveUser
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
 * paging, each key's details, and the create, one-time reveal, revoke and roll dialogs (each loaded on demand).
 */
export function APIKeysManager(props: APIKeysManagerProps) {
  const { subject, pageSize = 10, classNames = {} } = props
  const messages = useMessages()
  const supports = useSupports()
  // A backend that stores no description has none to show, and none to ask for.
  const showDescription = (props.showDescription ?? true) && supports.description
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
  const searched = `${query}\u0000${status ?? ''}`

  // A hygiene finding the user picked, and the search it was picked under: a new search or status shows
  // every key again. A backend that filters by hygiene narrows the list itself (so its pages and total
  // are right) and counts every key the search and status let through; on any other, the finding
  // narrows the page shown, counted over that page, and a new page shows every key again too.
  const [hygiene, setHygiene] = useState<{ filter: HygieneFilter; scope: string } | null>(null)
  const listHygiene = supports.hygiene && hygiene?.scope === searched ? hygiene.filter : undefined
  const list = usePagedAPIKeys({
    subject,
    query,
    status,
    hygiene: listHygiene,
    pageSize,
    keepPreviousData: true,
    page: props.page,
    onPageChange: props.onPageChange,
  })
  // What the first paint does not need waits until the first list has been shown and the browser is
  // idle: the idle moments while that request is out are not free (the dialogs' chunk, or the hygiene
  // counts' requests, run there would push the first rows back).
  const idleAfterFirstList = useIdleAfter(!list.isLoading)
  useEffect(() => {
    if (idleAfterFirstList) prefetchDialogs()
  }, [idleAfterFirstList])
  // Counted under the search and status shown, so a finding's count is what picking it shows.
  const { counts, error: countsError } = useHygieneCounts({
    subject,
    query,
    status,
    // It asks nothing of a fetcher without supports.hygiene.
    enabled: idleAfterFirstList,
  })
  // Counts that fail leave no summary; the failure is the app's to see (a backend that refuses
  // `hygiene`, say: `createRestFetcher({ hygiene: false })` is then the fix).
  const { onError } = props
  useEffect(() => {
    if (countsError) onError?.(countsError)
  }, [countsError, onError])

  const [dialogs, dispatch] = useReducer(dialogReducer, NO_DIALOG)
  const open = dialogs.open
  const targets = useReturnTargetsRoot()
  const createRef = useReturnTarget('create', undefined, targets)
  const searchField = useRef<HTMLInputElement>(null)
  const { announcement, announce } = useAnnouncer()

  // What a search or filter found, said once its answer is in (the first list is not a search). A
  // finding the backend narrows the list by is such a filter; one narrowing the page shown is not.
  const listed = `${searched}\u0000${listHygiene ?? ''}`
  const [announcedSearch, setAnnouncedSearch] = useState(listed)
  if (listed !== announcedSearch && !list.isFetching && !list.isError) {
    setAnnouncedSearch(listed)
    announce(messages.searchResults(list.count))
  }

  const hygieneScope = supports.hygiene ? searched : `${searched}\u0000${list.page}`
  const hygieneFilter = hygiene?.scope === hygieneScope ? hygiene.filter : null
  const now = useNow()
  const shownKeys =
    hygieneFilter === null || supports.hygiene
      ? list.data
      : list.data.filter((key) => matchesHygiene(key, hygieneFilter, now))

  function openForKey(kind: 'revoke' | 'roll' | 'details', key: APIKeyResource): void {
    dispatch({ type: 'key', kind, key, index: list.data.findIndex((candidate) => candidate.id === key.id) })
  }

  /**
   * Where focus goes when a dialog closes: the button that opened it; when that is gone (a revoked
   * key has no Revoke button), the next button of its row, else of the rows after it, then before.
   */
  function returnFocus(): HTMLElement | null {
    const opener = dialogs.opener
    if (!opener) return null
    const own = targets.find(opener.action, opener.keyId)
    if (own || opener.keyId === undefined) return own ?? targets.find('create')
    const order: OpeningAction[] = ['details', 'roll', 'revoke']
    const index = list.data.findIndex((key) => key.id === opener.keyId)
    const from = index >= 0 ? index : (opener.index ?? 0)
    const nearby = [...list.data.slice(from), ...list.data.slice(0, from).reverse()]
    for (const key of nearby) {
      for (const action of order) {
        const found = targets.find(action, key.id)
        if (found) return found
      }
    }
    return targets.find('create') ?? searchField.current
  }

  // Radix gives focus back a task after a dialog is gone, so a frame would be painted with focus on
  // <body> (a screen reader may read the page from the top): give it back before that frame.
  const wasOpen = useRef(false)
  useEffectBeforePaint(() => {
    const closed = wasOpen.current && open === null
    wasOpen.current = open !== null
    if (closed && (document.activeElement === null || document.activeElement === document.body)) returnFocus()?.focus()
  })

  function clearFilters(): void {
    if (search) setSearch('')
    if (status) setStatus(undefined)
    searchField.current?.focus()
  }

  const filtering = query !== '' || status !== undefined
  // A finding that no key has (any more: the last one revoked) keeps the summary, whose toggle shows
  // every key again, over an empty table, as when it narrows a page.
  const empty = !list.isLoading && !list.isError && list.data.length === 0 && hygieneFilter === null
  // No keys at all: the empty state's one button to create the first, and no toolbar with nothing to act on.
  const firstKey = empty && !filtering && search === ''
  const statusLabel =
    status === 'active'
      ? messages.statusFilterActive
      : status === 'expired'
        ? messages.statusFilterExpired
        : status === 'revoked'
          ? messages.statusFilterRevoked
          : undefined
  return (
    <ReturnTargetsProvider value={targets}>
      <div className={clsx('rak-root rak-manager', props.className, classNames.root)}>
        <LiveRegion announcement={announcement} loading={list.isLoading ? messages.loading : undefined} />
        {!firstKey && (
          <div className={clsx('rak-toolbar', classNames.toolbar)}>
            <SearchField ref={searchField} value={search} onChange={setSearch} className={classNames.search} />
            <StatusFilter value={status} onChange={setStatus} className={classNames.statusFilter} />
            <button
              ref={createRef}
              type="button"
              className={clsx('rak-button rak-button--primary rak-create-button', classNames.createButton)}
              onClick={() => dispatch({ type: 'create' })}
              onPointerEnter={() => prefetchDialogs('create', 'reveal')}
              onFocus={() => prefetchDialogs('create', 'reveal')}
            >
              {messages.createButton}
            </button>
          </div>
        )}

        {list.isError && list.error && (
          <ErrorState error={list.error} onRetry={() => void list.revalidate()} className={classNames.errorState} />
        )}

        {empty ? (
          <EmptyState
            query={query}
            status={statusLabel}
            onCreate={() => dispatch({ type: 'create' })}
            onCreateNear={() => prefetchDialogs('create', 'reveal')}
            onClear={clearFilters}
            className={classNames.emptyState}
          />
        ) : (
          !(list.isError && list.data.length === 0) && (
            <>
              {countsError && (
                <p className="rak-hint rak-hygiene-error" role="status">
                  {messages.hygieneCountsFailed}
                </p>
              )}
              {/* Counts over every key show once they are in, never the page's count in their place. */}
              {!list.isLoading && (!supports.hygiene || counts !== undefined) && (
                <HygieneSummary
                  keys={list.data}
                  counts={counts}
                  filter={hygieneFilter}
                  onFilterChange={(filter) => setHygiene(filter === null ? null : { filter, scope: hygieneScope })}
                />
              )}
              <div
                className="rak-table-region"
                // A pointer or focus in the table: its dialogs load before a button is pressed.
                onPointerOver={() => prefetchDialogs('details', 'revoke', 'roll', 'reveal')}
                onFocus={() => prefetchDialogs('details', 'revoke', 'roll', 'reveal')}
              >
                <KeysTable
                  keys={shownKeys}
                  loading={list.isLoading}
                  busy={list.isFetching}
                  showDescription={showDescription}
                  canRoll={supports.roll}
                  onRevoke={(key) => openForKey('revoke', key)}
                  onRoll={(key) => openForKey('roll', key)}
                  onOpenDetails={(key) => openForKey('details', key)}
                  classNames={classNames}
                />
              </div>
            </>
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

        {/* A dialog is loaded and mounted only when needed: a screen nobody acts on renders none. Each
            waits for its code inside its own Suspense boundary (lazy-dialogs.tsx), so none is needed here. */}
        {dialogs.createKept && (
          <LazyCreateApiKeyDialog
            open={open?.kind === 'create'}
            onOpenChange={(opened) => dispatch(opened ? { type: 'create' } : { type: 'close' })}
            subject={subject}
            showDescription={showDescription}
            expirationOptions={props.expirationOptions}
            availableScopes={props.availableScopes}
            returnFocusTo={returnFocus}
            onError={props.onError}
            onCreated={({ secret, ...key }) => {
              // Only the name and the secret go to the reveal dialog; the secret goes nowhere else.
              dispatch({ type: 'reveal', secret: { name: key.name, secret }, after: 'created' })
              props.onCreate?.(key)
            }}
          />
        )}
        {open?.kind === 'reveal' && (
          <LazySecretRevealDialog
            apiKey={open.secret}
            onDone={() => {
              dispatch({ type: 'close' })
              announce(
                open.after === 'created' ? messages.keyCreated(open.secret.name) : messages.keyRolled(open.secret.name),
              )
            }}
            returnFocusTo={returnFocus}
          />
        )}
        {open?.kind === 'details' && (
          <LazyKeyDetailsSheet
            apiKey={open.key}
            subject={subject}
            availableScopes={props.availableScopes}
            resolveUser={props.resolveUser}
            onClose={() => dispatch({ type: 'close' })}
            // Roll and Revoke replace the sheet; focus comes back to what opened the details.
            onRoll={(key) => openForKey('roll', key)}
            onRevoke={(key) => openForKey('revoke', key)}
            onError={props.onError}
            returnFocusTo={returnFocus}
          />
        )}
        {open?.kind === 'revoke' && (
          <LazyRevokeApiKeyDialog
            apiKey={open.key}
            subject={subject}
            onClose={() => dispatch({ type: 'close' })}
            onRevoked={(key) => {
              announce(messages.keyRevoked(key.name))
              props.onRevoke?.(key)
            }}
            onError={props.onError}
            returnFocusTo={returnFocus}
          />
        )}
        {open?.kind === 'roll' && (
          <LazyRollApiKeyDialog
            apiKey={open.key}
            subject={subject}
            onClose={() => dispatch({ type: 'close' })}
            onError={props.onError}
            returnFocusTo={returnFocus}
            onRolled={({ replacement: { secret, ...replacement }, previous }) => {
              dispatch({ type: 'reveal', secret: { name: replacement.name, secret }, after: 'rolled' })
              props.onRoll?.(replacement, previous)
            }}
          />
        )}
      </div>
    </ReturnTargetsProvider>
  )
}
