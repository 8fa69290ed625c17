import { describe, expect, it } from 'vitest'
import {
  ApiKeysError,
  MAX_SECONDS_UNTIL_EXPIRATION,
  validateCreateInput,
  validateGracePeriod,
  validateRevocationReason,
  validateUpdateInput,
} from '../../src/index'
import { deMessages } from '../../src/i18n/de'
import { enMessages } from '../../src/i18n/en'

function issuesOf(run: () => unknown): ApiKeysError['issues'] {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ApiKeysError)
    expect((error as ApiKeysError).code).toBe('invalid_input')
    expect((error as ApiKeysError).status).toBe(400)
    return (error as ApiKeysError).issues
  }
  throw new Error('expected the input to be refused')
}

describe('input validation', () => {
  it('trims the name and fills in defaults', () => {
    expect(validateCreateInput({ name: '  CI deploy  ' })).toEqual({
      name: 'CI deploy',
      description: null,
      secondsUntilExpiration: null,
      scopes: [],
      claims: null,
    })
  })

  it('requires a name of 1 to 64 characters, counting emoji as one', () => {
    expect(issuesOf(() => validateCreateInput({ name: '   ' }))).toEqual([{ field: 'name', reason: 'required' }])
    expect(issuesOf(() => validateCreateInput({ name: 42 }))).toEqual([{ field: 'name', reason: 'required' }])
    expect(validateCreateInput({ name: '🔑'.repeat(64) }).name).toHaveLength(128)
    expect(issuesOf(() => validateCreateInput({ name: 'a'.repeat(65) }))).toEqual([
      { field: 'name', reason: 'too_long', limit: 64 },
    ])
  })

  it('limits the description to 500 characters and turns an empty one into null', () => {
    expect(validateCreateInput({ name: 'a', description: '  ' }).description).toBeNull()
    expect(validateCreateInput({ name: 'a', description: 'x'.repeat(500) }).description).toHaveLength(500)
    expect(issuesOf(() => validateCreateInput({ name: 'a', description: 'x'.repeat(501) }))[0]).toMatchObject({
      field: 'description',
      reason: 'too_long',
    })
  })

  it('takes a positive whole number of seconds up to 10 years, or null', () => {
    expect(validateCreateInput({ name: 'a', secondsUntilExpiration: null }).secondsUntilExpiration).toBeNull()
    expect(
      validateCreateInput({ name: 'a', secondsUntilExpiration: MAX_SECONDS_UNTIL_EXPIRATION }).secondsUntilExpiration,
    ).toBe(MAX_SECONDS_UNTIL_EXPIRATION)
    for (const bad of [0, -5, 1.5, '60', Number.NaN]) {
      expect(issuesOf(() => validateCreateInput({ name: 'a', secondsUntilExpiration: bad }))[0]?.reason).toBe(
        'not_positive_integer',
      )
    }
    expect(
      issuesOf(() => validateCreateInput({ name: 'a', secondsUntilExpiration: MAX_SECONDS_UNTIL_EXPIRATION + 1 }))[0]
        ?.reason,
    ).toBe('too_far')
  })

  it('takes scopes as a list of strings, trimmed and without duplicates', () => {
    expect(validateCreateInput({ name: 'a', scopes: [' read ', 'read', 'write'] }).scopes).toEqual(['read', 'write'])
    expect(issuesOf(() => validateCreateInput({ name: 'a', scopes: 'read' }))[0]).toMatchObject({
      field: 'scopes',
      reason: 'invalid',
    })
    expect(issuesOf(() => validateCreateInput({ name: 'a', scopes: ['read', 3] }))[0]).toMatchObject({
      field: 'scopes',
      reason: 'invalid',
    })
    expect(
      issuesOf(() => validateCreateInput({ name: 'a', scopes: Array.from({ length: 51 }, (_, i) => `s${i}`) }))[0],
    ).toMatchObject({ reason: 'too_many' })
  })

  it('reports every refused field at once, so a form can mark them all', () => {
    const issues = issuesOf(() => validateCreateInput({ name: '', description: 7, secondsUntilExpiration: -1 }))
    expect(issues.map((issue) => issue.field)).toEqual(['name', 'description', 'secondsUntilExpiration'])
  })

  it('checks only the fields an update gives', () => {
    expect(validateUpdateInput({ description: '  new ' })).toEqual({ description: 'new' })
    expect(issuesOf(() => validateUpdateInput({ name: '' }))[0]?.field).toBe('name')
  })

  it('takes an optional revocation reason and a grace period of up to 30 days', () => {
    expect(validateRevocationReason(undefined)).toBeNull()
    expect(validateRevocationReason('  leaked ')).toBe('leaked')
    expect(issuesOf(() => validateRevocationReason('x'.repeat(501)))[0]?.field).toBe('revocationReason')
    expect(validateGracePeriod(0)).toBe(0)
    expect(issuesOf(() => validateGracePeriod(31 * 86_400))[0]?.field).toBe('gracePeriodSeconds')
    expect(issuesOf(() => validateGracePeriod(-1))[0]?.field).toBe('gracePeriodSeconds')
  })
})

describe('key names a reader can see as they are', () => {
  const marks = (count: number): string => '\u0301\u0302\u0303\u0304'.repeat(count).slice(0, count)

  it('refuses a name with nothing visible in it', () => {
    for (const name of [
      '\u200B',
      '\u200B\u200C\u200D\u2060',
      '\u3164',
      '\u3164\u3164',
      '\u115F\u1160',
      '\uFFA0',
      '\u2800',
      '\u00AD',
      '\u034F',
      '\uFE0F',
      `\u200B${marks(3)}`,
      '\u{E0020}\u{E0041}',
    ]) {
      expect(
        issuesOf(() => validateCreateInput({ name })),
        JSON.stringify(name),
      ).toEqual([{ field: 'name', reason: 'not_visible' }])
    }
  })

  it('refuses direction controls anywhere in a name', () => {
    const names = [
      '\u202Etxt.exe',
      'report\u202Efdp.exe',
      'a\u202Ab',
      'a\u202Bb\u202C',
      'a\u202Db',
      '\u2066admin\u2069',
      '\u2067x\u2069',
      '\u2068x\u2069',
      'x\u200E',
      'x\u200F',
      'x\u061C',
    ]
    for (const name of names) {
      expect(
        issuesOf(() => validateCreateInput({ name })),
        JSON.stringify(name),
      ).toEqual([{ field: 'name', reason: 'direction_control' }])
    }
    expect(issuesOf(() => validateUpdateInput({ name: 'ok\u202E' }))).toEqual([
      { field: 'name', reason: 'direction_control' },
    ])
  })

  it('refuses line breaks and dozens of marks stacked on one character', () => {
    for (const name of ['one\u2028two', 'one\u2029two', 'one\ntwo', 'one\rtwo', 'one\u0085two']) {
      expect(
        issuesOf(() => validateCreateInput({ name })),
        JSON.stringify(name),
      ).toEqual([{ field: 'name', reason: 'line_break' }])
    }
    expect(issuesOf(() => validateCreateInput({ name: `Z${marks(40)}algo` }))).toEqual([
      { field: 'name', reason: 'stacked_marks', limit: 8 },
    ])
    expect(issuesOf(() => validateCreateInput({ name: `a${marks(9)}` }))).toEqual([
      { field: 'name', reason: 'stacked_marks', limit: 8 },
    ])
    expect(validateCreateInput({ name: `a${marks(8)}` }).name).toBe(`a${marks(8)}`)
  })

  it('keeps accepting names in any script, with emoji, accents and joiners', () => {
    const names = [
      'CI deploy',
      'שלום עולם',
      'مفتاح الإنتاج',
      'Tiếng Việt',
      'ཀྵྨྱཱ',
      'क्षत्रिय',
      '👩🏽‍💻 laptop',
      '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
      'e\u0301te\u0301',
      'keycap 1\uFE0F\u20E3',
      '日本語キー',
      'ad\u200Bmin',
    ]
    for (const name of names) expect(validateCreateInput({ name }).name, name).toBe(name)
  })

  it('says why in both languages', () => {
    const say = (
      messages: typeof enMessages,
      reason: 'not_visible' | 'direction_control' | 'line_break' | 'stacked_marks',
    ): string => messages.validation(messages.field.name, reason, reason === 'stacked_marks' ? 8 : undefined)
    expect(say(enMessages, 'not_visible')).toBe('Name must contain a visible character.')
    expect(say(enMessages, 'direction_control')).toBe(
      'Name must not contain characters that change the text direction.',
    )
    expect(say(enMessages, 'line_break')).toBe('Name must not contain a line break.')
    expect(say(enMessages, 'stacked_marks')).toBe('Name must not stack more than 8 accents or marks on one character.')
    expect(say(deMessages, 'not_visible')).toBe('Name muss mindestens ein sichtbares Zeichen enthalten.')
    expect(say(deMessages, 'direction_control')).toBe(
      'Name darf keine Zeichen enthalten, die die Schreibrichtung ändern.',
    )
    expect(say(deMessages, 'line_break')).toBe('Name darf keinen Zeilenumbruch enthalten.')
    expect(say(deMessages, 'stacked_marks')).toBe(
      'Name darf höchstens 8 Akzente oder Zeichen übereinander auf einem Buchstaben tragen.',
    )
  })
})
