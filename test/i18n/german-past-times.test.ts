import { describe, expect, it } from 'vitest'
import { deMessages, intlRelativeTime, type RelativeTimeUnit } from '../../src/index'

const UNITS: RelativeTimeUnit[] = ['year', 'month', 'week', 'day', 'hour', 'minute']

describe('deMessages.revokedWhen', () => {
  // A revoked key's row words its past revocation with relativeTime: every such date reads as German.
  it.each([
    ['the kit’s German relative dates', deMessages.relativeTime],
    ['Intl’s German relative dates', intlRelativeTime('de')],
  ])('puts the time first, for %s', (_source, relativeTime) => {
    const said = (amount: number, unit: RelativeTimeUnit) => deMessages.revokedWhen(relativeTime(amount, unit))
    expect(said(0, 'second')).toBe('Gerade eben gesperrt')
    expect(said(-1, 'day')).toBe('Gestern gesperrt')
    expect(said(-2, 'day')).toBe('Vorgestern gesperrt')
    expect(said(-3, 'day')).toBe('Vor 3 Tagen gesperrt')
    expect(said(-1, 'hour')).toBe('Vor 1 Stunde gesperrt')
    // Intl says "letzte Woche" where the kit says "vor 1 Woche": either way, the time comes first.
    for (const unit of UNITS) {
      for (const amount of [-1, -5]) {
        expect(said(amount, unit)).toMatch(/^(Vor \d+ \S+|Gestern|Vorgestern|Letzte[nrs]? \S+) gesperrt$/)
      }
    }
  })
})

describe('deMessages.lastUsedAt and lastUsedRecently', () => {
  // The revoke and roll dialogs say when a key was last used, with the same relative dates.
  it('puts the time between "Zuletzt" and "verwendet"', () => {
    const time = deMessages.relativeTime
    expect(deMessages.lastUsedAt(time(-3, 'day'))).toBe('Zuletzt vor 3 Tagen verwendet.')
    expect(deMessages.lastUsedAt(time(-1, 'day'))).toBe('Zuletzt gestern verwendet.')
    expect(deMessages.lastUsedRecently(time(0, 'second'))).toBe(
      'Zuletzt gerade eben verwendet: Etwas nutzt diesen Schlüssel noch.',
    )
    expect(deMessages.lastUsedRecently(intlRelativeTime('de')(-5, 'minute'))).toBe(
      'Zuletzt vor 5 Minuten verwendet: Etwas nutzt diesen Schlüssel noch.',
    )
  })
})
