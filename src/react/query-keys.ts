import type { APIKeyStatusFilter } from '../core/types'

const ROOT = 'react-api-keys'
const SIGNED_OUT = '(signed-out)'

/** What a paged or infinite list is narrowed by. */
export interface ListFilter {
  query: string
  status: APIKeyStatusFilter | undefined
  pageSize: number
}

/**
 * The kit's query keys. Everything is scoped by the signed-in user first, so signing out or switching
 * user drops it all at once, then by the resolved subject, so one subject's keys never show on
 * another's page.
 */
export const apiKeysQueryKeys = {
  /** Every query of the kit. */
  all: [ROOT] as const,
  /** Every query made while `userId` was signed in. */
  user: (userId: string | null) => [ROOT, userId ?? SIGNED_OUT] as const,
  /** Every list of one subject, as seen by `userId`. */
  subject: (userId: string | null, subject: string) => [ROOT, userId ?? SIGNED_OUT, subject] as const,
  /** One page of a subject's keys. */
  page: (userId: string | null, subject: string, filter: ListFilter, page: number) =>
    [ROOT, userId ?? SIGNED_OUT, subject, 'page', { ...filter, status: filter.status ?? 'all', page }] as const,
  /** A subject's keys loaded page after page (infinite mode). */
  infinite: (userId: string | null, subject: string, filter: ListFilter) =>
    [ROOT, userId ?? SIGNED_OUT, subject, 'infinite', { ...filter, status: filter.status ?? 'all' }] as const,
  /** Every key of a subject in one list (the Stack-style hooks). */
  everything: (userId: string | null, subject: string) => [ROOT, userId ?? SIGNED_OUT, subject, 'everything'] as const,
}
