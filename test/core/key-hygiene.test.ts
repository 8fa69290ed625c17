import { describe, expect, it } from 'vitest'
import {
  expiresThisWeek,
  hygieneCounts,
  matchesHygiene,
  unusedFor90Days,
  type HygieneInput,
} from '../../src/core/key-hygiene'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.UTC(2026, 5, 15, 12)
const daysFromNow = (days: number): Date => new Date(NOW + days * DAY)

function key(fields: Partial<HygieneInput> = {}): HygieneInput {
  return {
    revoked: false,
    expired: false,
    expiration: null,
    createdAt: daysFromNow(-10),
    lastUsedAt: daysFromNow(-1),
    ...fields,
  }
}

describe('key hygiene', () => {
  it('finds working keys that expire within seven days, not later, not expired or revoked ones', () => {
    expect(expiresThisWeek(key({ expiration: daysFromNow(6.9) }), NOW)).toBe(true)
    expect(expiresThisWeek(key({ expiration: daysFromNow(7.1) }), NOW)).toBe(false)
    expect(expiresThisWeek(key({ expiration: daysFromNow(-1) }), NOW)).toBe(false)
    expect(expiresThisWeek(key({ expiration: daysFromNow(2), revoked: true }), NOW)).toBe(false)
    expect(expiresThisWeek(key(), NOW)).toBe(false)
  })

  it('counts a key unused when never used and older than 90 days, or last used over 90 days ago', () => {
    expect(unusedFor90Days(key({ lastUsedAt: null, createdAt: daysFromNow(-91) }), NOW)).toBe(true)
    expect(unusedFor90Days(key({ lastUsedAt: null, createdAt: daysFromNow(-89) }), NOW)).toBe(false)
    expect(unusedFor90Days(key({ createdAt: daysFromNow(-400), lastUsedAt: daysFromNow(-91) }), NOW)).toBe(true)
    expect(unusedFor90Days(key({ createdAt: daysFromNow(-400), lastUsedAt: daysFromNow(-89) }), NOW)).toBe(false)
    expect(unusedFor90Days(key({ lastUsedAt: null, createdAt: daysFromNow(-200), revoked: true }), NOW)).toBe(false)
  })

  it('leaves a rolled key out: it is on its way out by design', () => {
    const rolled = key({
      replacedBy: 'key_new',
      expiration: daysFromNow(1),
      lastUsedAt: null,
      createdAt: daysFromNow(-200),
    })
    expect(matchesHygiene(rolled, 'expiring-this-week', NOW)).toBe(false)
    expect(matchesHygiene(rolled, 'unused', NOW)).toBe(false)
  })

  it('counts each finding over a list', () => {
    const keys = [
      key({ expiration: daysFromNow(3) }),
      key({ expiration: daysFromNow(5), lastUsedAt: null, createdAt: daysFromNow(-120) }),
      key({ lastUsedAt: daysFromNow(-100), createdAt: daysFromNow(-300) }),
      key(),
    ]
    expect(hygieneCounts(keys, NOW)).toEqual({ 'expiring-this-week': 2, unused: 2 })
    expect(hygieneCounts([], NOW)).toEqual({ 'expiring-this-week': 0, unused: 0 })
  })
})
