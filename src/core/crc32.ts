let table: Uint32Array | undefined

function crcTable(): Uint32Array {
  if (table) return table
  table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
}

/** Any character outside ASCII: text without one has its character codes as its UTF-8 bytes. */
const NOT_ASCII = /[\u0080-\uffff]/

/**
 * CRC-32 (IEEE 802.3, the zlib one) of a string's UTF-8 bytes, as an unsigned integer. A key is
 * ASCII, and its checksum is checked on every verify: its character codes are read as its bytes
 * rather than encoded into a new array (encoding was a tenth of a hot key's verify).
 */
export function crc32(text: string): number {
  const encoded = NOT_ASCII.test(text) ? new TextEncoder().encode(text) : null
  const length = encoded === null ? text.length : encoded.length
  const t = crcTable()
  let crc = 0xffffffff
  for (let i = 0; i < length; i++) {
    const byte = encoded === null ? text.charCodeAt(i) : (encoded[i] ?? 0)
    crc = (t[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  }
  return (crc ^ 0xffffffff) >>> 0
}
