import { describe, expect, it } from 'vitest'
import { envFileName } from '../../src/components/dialogs/env-file-name'

describe('envFileName', () => {
  it('makes a safe file name of the key name, keeping letters of any script', () => {
    expect(envFileName('Production API')).toBe('production-api.env')
    expect(envFileName('  CI / CD: deploy*bot  ')).toBe('ci-cd-deploy-bot.env')
    expect(envFileName('Zahlungsdienst Köln')).toBe('zahlungsdienst-köln.env')
    expect(envFileName('../../etc/passwd')).toBe('etc-passwd.env')
    expect(envFileName('v1.2_worker')).toBe('v1.2_worker.env')
    // Vowel signs and viramas are marks, part of the word they are written in.
    expect(envFileName('हिन्दी सेवा')).toBe('हिन्दी-सेवा.env')
    expect(envFileName('บริการ ชำระเงิน')).toBe('บริการ-ชำระเงิน.env')
  })

  it('falls back to api-key.env when nothing usable is left, and stays short', () => {
    expect(envFileName('***')).toBe('api-key.env')
    expect(envFileName('')).toBe('api-key.env')
    expect(envFileName('x'.repeat(300))).toBe(`${'x'.repeat(80)}.env`)
    // 80 letters, each of two UTF-16 units: none is cut in half.
    expect(envFileName('a' + '𠀀'.repeat(100))).toBe(`a${'𠀀'.repeat(79)}.env`)
  })
})
