import { useState, type MouseEvent } from 'react'
import { APIKeysManager, type APIKeysManagerProps, type ManagerStatusFilter } from '../../src/index'

const STATUSES: readonly ManagerStatusFilter[] = ['all', 'active', 'expired', 'revoked']
const toStatus = (value: string | null): ManagerStatusFilter => STATUSES.find((status) => status === value) ?? 'all'

/**
 * An app page that keeps the manager's search, status and page in its URL's query string, as an app
 * does whose filtered lists can be linked to and survive a reload. The address shows in the page.
 */
export function UrlKeptManager({
  initialSearch,
  ...props
}: Omit<APIKeysManagerProps, 'query' | 'status' | 'page'> & { initialSearch: string }) {
  const [params, setParams] = useState(() => new URLSearchParams(initialSearch))
  // Each change composes with the others of the same moment (a new search, then its return to page 1).
  const set = (name: string, value: string, fallback: string): void =>
    setParams((current) => {
      const next = new URLSearchParams(current)
      if (value === fallback) next.delete(name)
      else next.set(name, value)
      return next
    })
  const follow = (search: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault()
    setParams(new URLSearchParams(search))
  }
  const address = params.size > 0 ? `/settings/api-keys?${params.toString()}` : '/settings/api-keys'
  return (
    <div style={{ display: 'grid', gap: '0.75rem' }}>
      <p style={{ margin: 0 }}>
        Address:{' '}
        <output aria-label="Address" style={{ fontFamily: 'monospace' }}>
          {address}
        </output>
      </p>
      <nav aria-label="Saved views" style={{ display: 'flex', gap: '1rem' }}>
        <a href="?status=revoked" onClick={follow('status=revoked')}>
          Revoked keys
        </a>
        <a href="?page=3" onClick={follow('page=3')}>
          Page 3
        </a>
      </nav>
      <APIKeysManager
        {...props}
        query={params.get('q') ?? ''}
        onQueryChange={(query) => set('q', query, '')}
        status={toStatus(params.get('status'))}
        onStatusChange={(status) => set('status', status, 'all')}
        page={Number(params.get('page') ?? 1)}
        onPageChange={(page) => set('page', String(page), '1')}
      />
    </div>
  )
}
