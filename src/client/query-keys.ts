import type { APIKeyStatusFilter } from '../core/types'
import type { HygieneFilter } from '../core/key-hygiene'

const ROOT = 'react-api-keys'
const SIGNED_OUT = '(signed-out)'

/** What a paged or infinite list is narrowed by. */
export interface ListFilter {
  query: string
  status: APIKeyStatusFilter | undefined
  pageSize: number
  /** Only keys with this finding; sent only to a fetcher that honours it (`supports.hygiene`). */
  hygiene?: HygieneFilter
}

/** Every query made while `userId` was signed in. */
export const userKey = (userId: string | null) => [ROOT, userId ?? SIGNED_OUT] as const
/** Every list of one subject, as seen by `userId`. */
export const subjectKey = (userId: string | null, subject: string) => [...userKey(userId), subject] as const
/** One page of a subject's keys. */
export const pageKey = (userId: string | null, subject: string, filter: ListFilter, page: number) =>
  [...subjectKey(userId, subject), 'page', { ...filter, status: filter.status ?? 'all', page }] as const
/** A subject's keys loaded page after page (infinite mode). */
export const infiniteKey = (userId: string | null, subject: string, filter: ListFilter) =>
  [...subjectKey(userId, subject), 'infinite', { ...filter, status: filter.status ?? 'all' }] as const
/** Every key of a subject in one list (the Stack-style hooks). */
export const everythingKey = (userId: string | null, subject: string) =>
  [...subjectKey(userId, subject), 'everything'] as const

/**
 * The kit's query keys. Everything is scoped by the signed-in user first, so signing out or switching
 * user drops it all at once, then by the resolved subject, so one subject's keys never show on
 * another's page. (The kit's own modules import each key alone, so a bundle carries only those it uses.)
 */
export const apiKeysQueryKeys = {
  /** Every query of the kit. */
  all: [ROOT] as const,
  user: userKey,
  subject: subjectKey,
  page: pageKey,
  infinite: infiniteKey,
  everything: everythingKey,
}
