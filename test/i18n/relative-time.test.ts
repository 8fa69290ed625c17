import { describe, expect, it } from 'vitest'
import { deMessages, enMessages, intlRelativeTime, type Messages, type RelativeTimeUnit } from '../../src/index'

const UNITS: RelativeTimeUnit[] = ['year', 'month', 'week', 'day', 'hour', 'minute']
const AMOUNTS = [-30, -12, -2, -1, 1, 2, 5, 12, 30]

describe.each([
  ['English', enMessages, 'en', [-1, 1]],
  ['German', deMessages, 'de', [-2, -1, 1, 2]],
] as [string, Messages, string, number[]][])('%s relative dates', (_language, messages, locale, daysInWords) => {
  const always = new Intl.RelativeTimeFormat(locale, { numeric: 'always' })
  const auto = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })

  it('say what Intl says for every unit and amount', () => {
    for (const unit of UNITS) {
      for (const amount of AMOUNTS) {
        if (unit === 'day' && daysInWords.includes(amount)) continue
        expect(messages.relativeTime(amount, unit)).toBe(always.format(amount, unit))
      }
    }
  })

  it('say "yesterday", "tomorrow" and "now" in words, as Intl does', () => {
    for (const amount of daysInWords) expect(messages.relativeTime(amount, 'day')).toBe(auto.format(amount, 'day'))
    expect(messages.relativeTime(0, 'second')).toBe(auto.format(0, 'second'))
    expect(messages.relativeTime(-0, 'second')).toBe(auto.format(0, 'second'))
  })
})

describe('intlRelativeTime', () => {
  it('words relative dates in a language the kit has no strings for', () => {
    const french = intlRelativeTime('fr')
    expect(french(-3, 'day')).toBe('il y a 3 jours')
    expect(french(-1, 'day')).toBe('hier')
    expect(french(2, 'hour')).toBe('dans 2 heures')
  })
})
