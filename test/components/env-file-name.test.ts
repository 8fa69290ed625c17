import { describe, expect, it } from 'vitest'
import { envFileName } from '../../src/components/dialogs/env-file-name'

describe('envFileName', () => {
  it('makes a safe file name of the key name, keeping letters of any script', () => {
    expect(envFileName('Production API')).toBe('production-api.env')
    expect(envFileName('  CI / CD: deploy*bot  ')).toBe('ci-cd-deploy-bot.env')
    expect(envFileName('Zahlungsdienst Köln')).toBe('zahlungsdienst-köln.env')
    expect(envFileName('../../etc/passwd')).toBe('etc-passwd.env')
    expect(envFileName('v1.2_worker')).toBe('v1.2_worker.env')
  })

  it('falls back to api-key.env when nothing usable is left, and stays short', () => {
    expect(envFileName('***')).toBe('api-key.env')
    expect(envFileName('')).toBe('api-key.env')
    expect(envFileName('x'.repeat(300))).toBe(`${'x'.repeat(80)}.env`)
  })
})
