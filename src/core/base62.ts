/** The 62 characters of the kit's secrets: digits, then upper case, then lower case. */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** A fixed-width base62 rendering of a non-negative integer, left-padded with zeros. */
export function encodeBase62(value: number, width: number): string {
  let out = ''
  let rest = Math.floor(value)
  for (let i = 0; i < width; i++) {
    out = BASE62_ALPHABET.charAt(rest % 62) + out
    rest = Math.floor(rest / 62)
  }
  return out
}

/**
 * `length` base62 characters drawn uniformly from `crypto.getRandomValues`. Bytes of 248 and above
 * are thrown away (248 = 4 * 62), so no character is more likely than another.
 */
export function randomBase62(length: number): string {
  let out = ''
  const buffer = new Uint8Array(length * 2)
  while (out.length < length) {
    crypto.getRandomValues(buffer)
    for (const byte of buffer) {
      if (byte >= 248) continue
      out += BASE62_ALPHABET.charAt(byte % 62)
      if (out.length === length) break
    }
  }
  return out
}
