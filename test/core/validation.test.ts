import { describe, expect, it } from 'vitest'
import {
  ApiKeysError,
  MAX_SECONDS_UNTIL_EXPIRATION,
  validateCreateInput,
  validateGracePeriod,
  validateRevocationReason,
  validateUpdateInput,
} from '../../src/index'

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
    expect(issuesOf(() => validateCreateInput({ name: 'a'.repeat(65) }))).toEqual([{ field: 'name', reason: 'too_long', limit: 64 }])
  })

  it('limits the description to 500 characters and turns an empty one into null', () => {
    expect(validateCreateInput({ name: 'a', description: '  ' }).description).toBeNull()
    expect(validateCreateInput({ name: 'a', description: 'x'.repeat(500) }).description).toHaveLength(500)
    expect(issuesOf(() => validateCreateInput({ name: 'a', description: 'x'.repeat(501) }))[0]).toMatchObject({ field: 'description', reason: 'too_long' })
  })

  it('takes a positive whole number of seconds up to 10 years, or null', () => {
    expect(validateCreateInput({ name: 'a', secondsUntilExpiration: null }).secondsUntilExpiration).toBeNull()
    expect(validateCreateInput({ name: 'a', secondsUntilExpiration: MAX_SECONDS_UNTIL_EXPIRATION }).secondsUntilExpiration).toBe(MAX_SECONDS_UNTIL_EXPIRATION)
    for (const bad of [0, -5, 1.5, '60', Number.NaN]) {
      expect(issuesOf(() => validateCreateInput({ name: 'a', secondsUntilExpiration: bad }))[0]?.reason).toBe('not_positive_integer')
    }
    expect(issuesOf(() => validateCreateInput({ name: 'a', secondsUntilExpiration: MAX_SECONDS_UNTIL_EXPIRATION + 1 }))[0]?.reason).toBe('too_far')
  })

  it('takes scopes as a list of strings, trimmed and without duplicates', () => {
    expect(validateCreateInput({ name: 'a', scopes: [' read ', 'read', 'write'] }).scopes).toEqual(['read', 'write'])
    expect(issuesOf(() => validateCreateInput({ name: 'a', scopes: 'read' }))[0]).toMatchObject({ field: 'scopes', reason: 'invalid' })
    expect(issuesOf(() => validateCreateInput({ name: 'a', scopes: ['read', 3] }))[0]).toMatchObject({ field: 'scopes', reason: 'invalid' })
    expect(issuesOf(() => validateCreateInput({ name: 'a', scopes: Array.from({ length: 51 }, (_, i) => `s${i}`) }))[0]).toMatchObject({ reason: 'too_many' })
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
