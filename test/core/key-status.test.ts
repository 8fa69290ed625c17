import { describe, expect, it } from 'vitest'
import { EXPIRES_SOON_MS, getKeyStatus, isExpiredAt, matchesStatusFilter, whyKeyInvalid } from '../../src/index'

const now = Date.UTC(2026, 10, 22, 12)
const at = (offsetMs: number): Date => new Date(now + offsetMs)

describe('key status', () => {
  it('is active without an expiration, or with 7 days or more left', () => {
    expect(getKeyStatus({ revoked: false, expiration: null }, now)).toBe('active')
    expect(getKeyStatus({ revoked: false, expiration: at(EXPIRES_SOON_MS) }, now)).toBe('active')
  })

  it('expires soon with less than 7 days left', () => {
    expect(getKeyStatus({ revoked: false, expiration: at(EXPIRES_SOON_MS - 1) }, now)).toBe('expiring-soon')
    expect(getKeyStatus({ revoked: false, expiration: at(1) }, now)).toBe('expiring-soon')
  })

  it('is expired from the moment of expiration on', () => {
    expect(getKeyStatus({ revoked: false, expiration: at(0) }, now)).toBe('expired')
    expect(isExpiredAt({ expiration: at(0) }, now)).toBe(true)
    expect(isExpiredAt({ expiration: at(1) }, now)).toBe(false)
  })

  it('keeps a key the backend answered as expired expired, even for a clock that lags behind', () => {
    expect(getKeyStatus({ revoked: false, expired: true, expiration: at(1000) }, now)).toBe('expired')
    expect(getKeyStatus({ revoked: true, expired: true, expiration: at(-1000) }, now)).toBe('revoked')
  })

  it('reports revoked before expired', () => {
    expect(getKeyStatus({ revoked: true, expiration: at(-1000) }, now)).toBe('revoked')
    expect(whyKeyInvalid({ revoked: true, expiration: at(-1000) }, now)).toBe('manually-revoked')
    expect(whyKeyInvalid({ revoked: false, expiration: at(-1000) }, now)).toBe('expired')
    expect(whyKeyInvalid({ revoked: false, expiration: null }, now)).toBeNull()
  })

  it('filters by status: active includes expiring soon, and no filter lets every key through', () => {
    const soon = { revoked: false, expiration: at(1000) }
    const gone = { revoked: false, expiration: at(-1000) }
    const revoked = { revoked: true, expiration: at(-1000) }
    expect(matchesStatusFilter(soon, 'active', now)).toBe(true)
    expect(matchesStatusFilter(gone, 'active', now)).toBe(false)
    expect(matchesStatusFilter(gone, 'expired', now)).toBe(true)
    expect(matchesStatusFilter(revoked, 'expired', now)).toBe(false)
    expect(matchesStatusFilter(revoked, 'revoked', now)).toBe(true)
    expect([soon, gone, revoked].every((key) => matchesStatusFilter(key, undefined, now))).toBe(true)
  })
})
