import { describe, expect, it } from 'vitest'
import { isRollable, isRollingOver } from '../../src/core/key-rollable'

const now = Date.UTC(2026, 10, 22, 12)
const HOUR = 60 * 60 * 1000
type RollInput = Parameters<typeof isRollable>[0]
const key = (overrides: Partial<RollInput> = {}): RollInput => ({
  revoked: false,
  expired: false,
  expiration: null,
  ...overrides,
})

describe('what a key can do after a roll', () => {
  it('rolls a working key that was not rolled yet, whether or not it expires', () => {
    expect(isRollable(key(), now)).toBe(true)
    expect(isRollable(key({ expiration: new Date(now + HOUR) }), now)).toBe(true)
    expect(isRollingOver(key(), now)).toBe(false)
  })

  it('lets a rolled key in its grace period be revoked now, never rolled again', () => {
    const rolled = key({ replacedBy: 'key_new', expiration: new Date(now + HOUR) })
    expect(isRollable(rolled, now)).toBe(false)
    expect(isRollingOver(rolled, now)).toBe(true)
  })

  it('leaves a rolled key alone once its grace period is over or it was revoked', () => {
    const over = key({ replacedBy: 'key_new', expiration: new Date(now - HOUR) })
    const revoked = key({ replacedBy: 'key_new', expiration: new Date(now + HOUR), revoked: true })
    for (const done of [over, revoked]) {
      expect(isRollable(done, now)).toBe(false)
      expect(isRollingOver(done, now)).toBe(false)
    }
  })

  it('neither rolls nor counts as rolling over a revoked or expired key that was never rolled', () => {
    expect(isRollable(key({ revoked: true }), now)).toBe(false)
    expect(isRollable(key({ expired: true }), now)).toBe(false)
    expect(isRollingOver(key({ revoked: true }), now)).toBe(false)
  })
})
