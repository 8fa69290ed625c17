import type { RollKeyResult } from './fetcher'
import type { APIKeyResource, APIKeysPage } from './types'

/** A value as JSON carries it: a date as its ISO 8601 string, anything else as it is. */
type OnTheWire<T> = T extends Date ? string : T

/**
 * A key as the kit's HTTP API sends it: an {@link APIKeyResource} with each date as an ISO 8601
 * string. The handler answers with it ({@link toKeyJson}) and the REST fetcher reads it
 * ({@link fromKeyJson}), so a field added to the resource is a field of the wire on both sides.
 */
export type APIKeyJson = { [K in keyof APIKeyResource]: OnTheWire<APIKeyResource[K]> }

/** A page of keys on the wire: `{ data, totalCount }`. */
export interface APIKeysPageJson {
  data: APIKeyJson[]
  totalCount: number
}

/** A roll's answer on the wire: the replacement (with its secret) and the previous key. */
export interface RollKeyResultJson {
  replacement: APIKeyJson
  previous: APIKeyJson
}

const isoOrNull = (date: Date | null): string | null => (date === null ? null : date.toISOString())
const dateOrNull = (text: string | null): Date | null => (text === null ? null : new Date(text))

/** A key as the handler answers it. */
export function toKeyJson(key: APIKeyResource): APIKeyJson {
  return {
    ...key,
    createdAt: key.createdAt.toISOString(),
    updatedAt: key.updatedAt.toISOString(),
    expiration: isoOrNull(key.expiration),
    revokedAt: isoOrNull(key.revokedAt),
    lastUsedAt: isoOrNull(key.lastUsedAt),
  }
}

/** A page as the handler answers it. */
export function toPageJson(page: APIKeysPage): APIKeysPageJson {
  return { data: page.data.map(toKeyJson), totalCount: page.totalCount }
}

/** A roll's result as the handler answers it. */
export function toRollResultJson(result: RollKeyResult): RollKeyResultJson {
  return { replacement: toKeyJson(result.replacement), previous: toKeyJson(result.previous) }
}

/** A key read from the wire (its dates already checked to be ISO 8601 strings) as the kit's resource. */
export function fromKeyJson(json: APIKeyJson): APIKeyResource {
  return {
    ...json,
    createdAt: new Date(json.createdAt),
    updatedAt: new Date(json.updatedAt),
    expiration: dateOrNull(json.expiration),
    revokedAt: dateOrNull(json.revokedAt),
    lastUsedAt: dateOrNull(json.lastUsedAt),
  }
}
