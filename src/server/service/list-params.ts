import { ApiKeysError, isOneOf } from '../../core/errors'
import { HYGIENE_FILTERS, type HygieneFilter } from '../../core/key-hygiene'
import { API_KEY_STATUS_FILTERS, type APIKeyStatusFilter } from '../../core/types'
import { isSafeText } from './text-safety'

/** Most keys on one page. */
export const MAX_PAGE_SIZE = 100
/** Keys on a page unless asked otherwise. */
export const DEFAULT_PAGE_SIZE = 10
/** Highest page number accepted (keeps offsets small). */
const MAX_PAGE = 100_000
/** Longest search text, in characters. */
export const MAX_QUERY_LENGTH = 200
/** Longest subject id, in characters. */
export const MAX_SUBJECT_LENGTH = 255

/** What a list says of a status it does not know, naming every one it does. */
export const INVALID_STATUS_DETAIL = `The status must be one of ${API_KEY_STATUS_FILTERS.join(', ')}.`

/** Whether `value` is one of the list status filters. */
export function isStatusFilter(value: unknown): value is APIKeyStatusFilter {
  return isOneOf(API_KEY_STATUS_FILTERS, value)
}

/** What a list says of a hygiene finding it does not know, naming every one it does. */
export const INVALID_HYGIENE_DETAIL = `The hygiene filter must be one of ${HYGIENE_FILTERS.join(', ')}.`

/** Whether `value` is one of the list hygiene filters. */
export function isHygieneFilter(value: unknown): value is HygieneFilter {
  return isOneOf(HYGIENE_FILTERS, value)
}

/** Checks a subject id: a non-empty string of at most 255 characters. */
export function checkSubject(value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_SUBJECT_LENGTH || !isSafeText(value)) {
    throw new ApiKeysError('invalid_input', 'The subject must be a non-empty id of at most 255 characters.')
  }
  return value
}

/** Checked list parameters. */
export interface ValidListParams {
  query: string
  status: APIKeyStatusFilter | undefined
  hygiene: HygieneFilter | undefined
  page: number
  pageSize: number
}

function checkInteger(value: unknown, fallback: number, min: number, max: number, label: string): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ApiKeysError('invalid_input', `${label} must be a whole number from ${min} to ${max}.`)
  }
  return value
}

/** Checks a list request; throws `invalid_input` naming what is wrong. */
export function validateListParams(input: {
  query?: unknown
  status?: unknown
  hygiene?: unknown
  page?: unknown
  pageSize?: unknown
}): ValidListParams {
  const query = input.query ?? ''
  if (typeof query !== 'string') throw new ApiKeysError('invalid_input', 'The search text must be a string.')
  if ([...query].length > MAX_QUERY_LENGTH) {
    throw new ApiKeysError('invalid_input', `The search text must be at most ${MAX_QUERY_LENGTH} characters.`)
  }
  if (!isSafeText(query)) {
    throw new ApiKeysError('invalid_input', 'The search text must not contain control characters or line breaks.')
  }
  if (input.status !== undefined && !isStatusFilter(input.status)) {
    throw new ApiKeysError('invalid_input', INVALID_STATUS_DETAIL)
  }
  if (input.hygiene !== undefined && !isHygieneFilter(input.hygiene)) {
    throw new ApiKeysError('invalid_input', INVALID_HYGIENE_DETAIL)
  }
  return {
    query: query.trim(),
    status: input.status,
    hygiene: input.hygiene,
    page: checkInteger(input.page, 1, 1, MAX_PAGE, 'The page'),
    pageSize: checkInteger(input.pageSize, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, 'The page size'),
  }
}
