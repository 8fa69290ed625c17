import { randomBase62 } from '../../core/base62'

/** Key ids: `ak_` and 22 random base62 characters, so ids cannot be enumerated. */
export function newApiKeyId(): string {
  return `ak_${randomBase62(22)}`
}

const ID_PATTERN = /^ak_[0-9A-Za-z]{1,64}$/

/** Whether `value` could be a key id the kit issued (anything else is answered as not found). */
export function isApiKeyIdShape(value: string): boolean {
  return ID_PATTERN.test(value)
}
