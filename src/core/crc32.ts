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

/** CRC-32 (IEEE 802.3, the zlib one) of a string's UTF-8 bytes, as an unsigned integer. */
export function crc32(text: string): number {
  const bytes = new TextEncoder().encode(text)
  const t = crcTable()
  let crc = 0xffffffff
  for (const byte of bytes) crc = (t[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
