import type { ApiKeysFetcher } from '../core/fetcher'
import { asApiKeysError } from '../core/errors'
import type { APIKeysPage } from '../core/types'
import type { ResolvedSubject } from './client-context'
import type { ListFilter } from './query-keys'

/** Fetches one page through the fetcher, mapping whatever it throws to an `ApiKeysError`. */
export function fetchPage(
  fetcher: ApiKeysFetcher,
  target: ResolvedSubject,
  filter: ListFilter,
  page: number,
  signal: AbortSignal,
): Promise<APIKeysPage> {
  return asApiKeysError(() =>
    fetcher.list({
      ...target,
      query: filter.query,
      status: filter.status,
      // Only when set: a backend that knows no hygiene never sees the field.
      ...(filter.hygiene === undefined ? {} : { hygiene: filter.hygiene }),
      page,
      pageSize: filter.pageSize,
      signal,
    }),
  )
}

/** Pages fetched at most for a whole-list query (100 keys each): a guard against a backend that never ends. */
const MAX_PAGES = 100

/** Fetches every key of a subject, 100 a page, for the Stack-style hooks. */
export async function fetchEverything(
  fetcher: ApiKeysFetcher,
  target: ResolvedSubject,
  signal: AbortSignal,
): Promise<APIKeysPage> {
  const filter: ListFilter = { query: '', status: undefined, pageSize: 100 }
  const first = await fetchPage(fetcher, target, filter, 1, signal)
  const data = [...first.data]
  for (let page = 2; page <= MAX_PAGES && data.length < first.totalCount; page++) {
    const next = await fetchPage(fetcher, target, filter, page, signal)
    if (next.data.length === 0) break
    data.push(...next.data)
  }
  return { data, totalCount: first.totalCount }
}
