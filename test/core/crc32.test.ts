// @vitest-environment node
import { crc32 as zlibCrc32 } from 'node:zlib'
import { crc32 } from '../../src/core/crc32'

describe('crc32', () => {
  it('gives the standard check value and zlib’s CRC-32 of the UTF-8 bytes, ASCII or not', () => {
    expect(crc32('123456789')).toBe(0xcbf43926)
    const texts = ['', 'sk_', 'sk_4fJ9aQz1LmPq8RtVx2Wb3N', 'café', 'Caf\u0065\u0301', '鍵', '🔑 key', '\u007f\u0080']
    for (const text of texts) expect(crc32(text), text).toBe(zlibCrc32(Buffer.from(text, 'utf8')))
  })
})
