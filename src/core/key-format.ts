import { BASE62_ALPHABET, encodeBase62, randomBase62 } from './base62'
import { crc32 } from './crc32'

/** The prefix of keys the kit issues unless told otherwise. */
export const DEFAULT_KEY_PREFIX = 'sk_'

/** Random characters in a key: 22 base62 characters carry 130.9 bits. */
const KEY_RANDOM_LENGTH = 22

/** Checksum characters at the end of a key: CRC-32 in 6 base62 characters. */
const KEY_CHECKSUM_LENGTH = 6

const PREFIX_PATTERN = /^[a-z][a-z0-9]{0,15}(?:_[a-z0-9]{1,16}){0,2}_$/
// Made on first use, so a bundle that never checks a key (the manager) does not carry it.
let bodyPattern: RegExp | undefined

/** Whether `prefix` is usable: lower-case letters and digits in up to three `_`-ended parts, e.g. `sk_live_`. */
export function isValidKeyPrefix(prefix: string): boolean {
  return PREFIX_PATTERN.test(prefix)
}

function checksumOf(prefixAndRandom: string): string {
  return encodeBase62(crc32(prefixAndRandom), KEY_CHECKSUM_LENGTH)
}

/**
 * Issues a new secret: `prefix`, 22 random base62 characters from `crypto.getRandomValues`, and a
 * 6-character CRC-32 of the two, so scanners can reject look-alikes offline.
 */
export function generateApiKey(prefix: string = DEFAULT_KEY_PREFIX): string {
  if (!isValidKeyPrefix(prefix)) {
    throw new TypeError('An API key prefix is lower-case letters and digits ending in "_", such as "sk_".')
  }
  const head = prefix + randomBase62(KEY_RANDOM_LENGTH)
  return head + checksumOf(head)
}

/** Options for {@link isWellFormedApiKey}. */
export interface WellFormedOptions {
  /** Accept only keys that start with this prefix. */
  prefix?: string
}

/**
 * Whether `value` has the shape of a key the kit issued and its checksum matches. Answers offline;
 * it says nothing about whether the key exists or is still valid.
 */
export function isWellFormedApiKey(value: unknown, options: WellFormedOptions = {}): boolean {
  if (typeof value !== 'string') return false
  const bodyLength = KEY_RANDOM_LENGTH + KEY_CHECKSUM_LENGTH
  if (value.length <= bodyLength || value.length > bodyLength + 64) return false
  const prefix = value.slice(0, value.length - bodyLength)
  const body = value.slice(prefix.length)
  if (options.prefix !== undefined ? prefix !== options.prefix : !isValidKeyPrefix(prefix)) return false
  if (!(bodyPattern ??= new RegExp(`^[${BASE62_ALPHABET}]{${bodyLength}}$`)).test(body)) return false
  const head = value.slice(0, value.length - KEY_CHECKSUM_LENGTH)
  return checksumOf(head) === value.slice(-KEY_CHECKSUM_LENGTH)
}

/** The prefix of a well-formed key (for example `sk_`), or null. */
export function keyPrefixOf(value: string): string | null {
  return isWellFormedApiKey(value) ? value.slice(0, value.length - KEY_RANDOM_LENGTH - KEY_CHECKSUM_LENGTH) : null
}

/** The last four characters of a secret, the part the kit keeps for display. */
export function lastFourOf(secret: string): string {
  return secret.slice(-4)
}

const LOOKS_LIKE_SECRET = new RegExp(
  `[a-z][a-z0-9_]{0,47}_[${BASE62_ALPHABET}]{${KEY_RANDOM_LENGTH + KEY_CHECKSUM_LENGTH}}`,
  'g',
)

/** Replaces anything shaped like a kit-issued secret in `text` with `[redacted]`. */
export function redactSecrets(text: string): string {
  return text.replace(LOOKS_LIKE_SECRET, '[redacted]')
}
