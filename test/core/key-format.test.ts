import { describe, expect, it } from 'vitest'
import {
  DEFAULT_KEY_PREFIX,
  generateApiKey,
  isWellFormedApiKey,
  keyPrefixOf,
  lastFourOf,
  redactSecrets,
} from '../../src/index'

describe('key format', () => {
  it('issues keys with the default prefix, 22 random base62 characters and a 6-character checksum', () => {
    const key = generateApiKey()
    expect(key.startsWith(DEFAULT_KEY_PREFIX)).toBe(true)
    expect(key).toMatch(/^sk_[0-9A-Za-z]{28}$/)
    expect(isWellFormedApiKey(key)).toBe(true)
  })

  it('never issues the same key twice in 10,000 tries', () => {
    const keys = new Set(Array.from({ length: 10_000 }, () => generateApiKey()))
    expect(keys.size).toBe(10_000)
  })

  it('spreads characters evenly over the whole base62 alphabet', () => {
    const counts = new Map<string, number>()
    for (let i = 0; i < 4000; i++)
      for (const char of generateApiKey().slice(3, 25)) counts.set(char, (counts.get(char) ?? 0) + 1)
    expect(counts.size).toBe(62)
    const expected = (4000 * 22) / 62
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.15)
  })

  it('accepts a configurable prefix and refuses invalid ones', () => {
    const key = generateApiKey('sk_live_')
    expect(isWellFormedApiKey(key)).toBe(true)
    expect(isWellFormedApiKey(key, { prefix: 'sk_live_' })).toBe(true)
    expect(isWellFormedApiKey(key, { prefix: 'sk_' })).toBe(false)
    expect(keyPrefixOf(key)).toBe('sk_live_')
    expect(() => generateApiKey('SK-')).toThrow(/prefix/)
    expect(() => generateApiKey('sk')).toThrow(/prefix/)
  })

  it('rejects look-alikes offline: one changed character, a swapped prefix, wrong lengths, non-strings', () => {
    const key = generateApiKey()
    const index = 10
    const changed = key.slice(0, index) + (key[index] === 'a' ? 'b' : 'a') + key.slice(index + 1)
    expect(isWellFormedApiKey(changed)).toBe(false)
    expect(isWellFormedApiKey('pk_' + key.slice(3))).toBe(false)
    expect(isWellFormedApiKey(key.slice(0, -1))).toBe(false)
    expect(isWellFormedApiKey(key + 'x')).toBe(false)
    expect(isWellFormedApiKey('')).toBe(false)
    expect(isWellFormedApiKey(42)).toBe(false)
    expect(isWellFormedApiKey(null)).toBe(false)
  })

  it('keeps the last four characters for display', () => {
    expect(lastFourOf('sk_abcdefgh1234')).toBe('1234')
  })

  it('redacts anything shaped like a secret from text', () => {
    const key = generateApiKey('sk_test_')
    const text = redactSecrets(`failed for ${key} at step 2`)
    expect(text).toBe('failed for [redacted] at step 2')
    expect(text).not.toContain(key.slice(8))
  })
})
