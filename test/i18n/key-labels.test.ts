import { describe, expect, it } from 'vitest'
import { deMessages, enMessages } from '../../src/index'

describe('the names of a key’s name button and row actions', () => {
  it('carry the last four, so the two keys of one name a roll leaves differ', () => {
    expect(enMessages.keyNameLabel('CI', 'qeUS')).toBe('CI (…qeUS)')
    expect(enMessages.revokeAction('CI', 'qeUS')).toBe('Revoke CI (…qeUS)')
    expect(enMessages.revokeNowAction('CI', 'qeUS')).toBe('Revoke now: CI (…qeUS)')
    expect(deMessages.rollAction('CI', 'qeUS')).toBe('CI (…qeUS) erneuern')
    expect(deMessages.detailsAction('CI', 'qeUS')).toBe('Details zu CI (…qeUS)')
  })

  it('name the key alone when the backend tells no last four (Clerk’s), never with an empty “(…)”', () => {
    for (const messages of [enMessages, deMessages]) {
      const names = [
        messages.keyNameLabel('CI', ''),
        messages.revokeAction('CI', ''),
        messages.revokeNowAction('CI', ''),
        messages.rollAction('CI', ''),
        messages.detailsAction('CI', ''),
      ]
      for (const name of names) expect(name).not.toContain('…')
    }
    expect(enMessages.keyNameLabel('CI', '')).toBe('CI')
    expect(enMessages.revokeAction('CI', '')).toBe('Revoke CI')
    expect(deMessages.revokeAction('CI', '')).toBe('CI sperren')
  })
})
