import { describe, expect, it } from 'vitest'
import { VALIDATED_FIELDS } from '../../src/core/errors'
import { fromKeyJson, toKeyJson } from '../../src/core/key-json'
import { API_KEY_STATUS_FILTERS, type APIKeyResource } from '../../src/core/types'
import { readKeyJson } from '../../src/fetchers/http/key-json'
import { deMessages, enMessages } from '../../src/index'
import { validateListParams } from '../../src/server/service/list-params'

const KEY: APIKeyResource = {
  id: 'ak_1',
  type: 'api_key',
  name: 'Deploy',
  subject: 'user_1',
  subjectKind: 'user',
  description: null,
  claims: { env: 'prod' },
  scopes: ['read'],
  createdAt: new Date('2026-01-02T03:04:05.006Z'),
  createdBy: 'user_1',
  updatedAt: new Date('2026-01-03T00:00:00.000Z'),
  expiration: null,
  expired: false,
  revoked: true,
  revokedAt: new Date('2026-01-04T00:00:00.000Z'),
  revocationReason: 'Leaked',
  lastUsedAt: null,
  prefix: 'sk_',
  lastFour: 'abcd',
  rolledFrom: 'ak_0',
}

describe('the wire format of a key, written once', () => {
  it('sends dates as ISO strings and reads back the same key', () => {
    const wire = toKeyJson(KEY)
    expect(wire.createdAt).toBe('2026-01-02T03:04:05.006Z')
    expect(wire.expiration).toBeNull()
    const sent: unknown = JSON.parse(JSON.stringify(wire))
    expect(fromKeyJson(readKeyJson(sent))).toEqual(KEY)
  })

  it('refuses a key whose date is not a date, without echoing it', () => {
    const broken = { ...toKeyJson(KEY), createdAt: 'sk_live_not_a_date' }
    expect(() => readKeyJson(broken)).toThrow('key.createdAt is not a date')
  })
})

describe('enumerations written once', () => {
  it('has a label for every validated field in each language, and no other', () => {
    for (const messages of [enMessages, deMessages]) {
      expect(Object.keys(messages.field).sort()).toEqual([...VALIDATED_FIELDS].sort())
    }
  })

  it('names every status filter when it refuses one', () => {
    for (const status of API_KEY_STATUS_FILTERS) expect(validateListParams({ status }).status).toBe(status)
    expect(() => validateListParams({ status: 'deleted' })).toThrow(
      `The status must be one of ${API_KEY_STATUS_FILTERS.join(', ')}.`,
    )
  })
})
