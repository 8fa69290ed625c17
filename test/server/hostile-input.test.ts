// @vitest-environment node
import { createEmbeddedStore } from '../../src/server/stores/embedded-store'
import { createMemoryStore } from '../../src/server/stores/memory-store'
import { createPostgresStore } from '../../src/server/stores/postgres-store'
import type { ApiKeyStore } from '../../src/server/stores/types'
import { httpSetup } from './http-helpers'
import { isolatedSchemas, PG_URL } from './pg-env'

const SQL = "'; DROP TABLE api_keys; --"
/** An empty JSON request, as the kit's REST fetcher sends a revoke without a reason. */
const JSON_TYPE = { 'content-type': 'application/json' }

/** Requests that must each be answered 4xx (never 2xx, never 500) and store nothing. */
const HOSTILE: {
  label: string
  status: number
  method?: string
  json?: unknown
  body?: BodyInit
  headers?: Record<string, string>
}[] = [
  { label: '10 KB name', status: 400, json: { name: 'n'.repeat(10_240) } },
  { label: '15 KB unicode name', status: 400, json: { name: '鍵'.repeat(5_000) } },
  { label: 'SQL in a too-long name', status: 400, json: { name: SQL.repeat(10) } },
  { label: 'NUL in name', status: 400, json: { name: `a\u0000${SQL}` } },
  { label: 'lone surrogate in name', status: 400, json: { name: 'x\uDC00y' } },
  { label: 'right-to-left override plus control chars', status: 400, json: { name: '\u202Egnp.exe\u0007' } },
  { label: 'right-to-left override', status: 400, json: { name: 'invoice\u202Efdp.exe' } },
  { label: 'bidi isolates', status: 400, json: { name: '\u2066admin\u2069' } },
  { label: 'left-to-right and right-to-left marks', status: 400, json: { name: '\u200Eok\u200F' } },
  { label: 'zero-width characters only', status: 400, json: { name: '\u200B\u200C\u200D\u2060' } },
  { label: 'Hangul filler only', status: 400, json: { name: '\u3164' } },
  { label: 'line separator', status: 400, json: { name: 'one\u2028two' } },
  { label: 'dozens of stacked combining marks', status: 400, json: { name: `Z${'\u0301\u0336\u0338'.repeat(12)}` } },
  { label: 'NUL in claims', status: 400, json: { name: 'ok', claims: { [SQL]: 'a\u0000' } } },
  { label: 'NUL in a scope', status: 400, json: { name: 'ok', scopes: ['read\u0000'] } },
  { label: 'name as number', status: 400, json: { name: 12 } },
  { label: 'name as array', status: 400, json: { name: ['a'] } },
  { label: 'name as object', status: 400, json: { name: { toString: 'x' } } },
  { label: 'name null', status: 400, json: { name: null } },
  { label: 'scopes as string', status: 400, json: { name: 'ok', scopes: SQL } },
  { label: 'scopes with numbers', status: 400, json: { name: 'ok', scopes: [1, 2] } },
  { label: '51 scopes', status: 400, json: { name: 'ok', scopes: Array.from({ length: 51 }, (_, i) => `s${i}`) } },
  { label: 'claims as array', status: 400, json: { name: 'ok', claims: [1] } },
  { label: 'claims too large', status: 400, json: { name: 'ok', claims: { blob: 'x'.repeat(6000) } } },
  { label: 'expiry as string', status: 400, json: { name: 'ok', secondsUntilExpiration: '3600' } },
  { label: 'expiry negative', status: 400, json: { name: 'ok', secondsUntilExpiration: -5 } },
  { label: 'expiry huge', status: 400, json: { name: 'ok', secondsUntilExpiration: 1e20 } },
  { label: 'subject as number', status: 400, json: { name: 'ok', subject: 42 } },
  { label: 'subject SQL', status: 404, json: { name: 'ok', subject: SQL } },
  { label: 'unknown field', status: 400, json: { name: 'ok', admin: true } },
  { label: '__proto__ field', status: 400, body: '{"name":"ok","__proto__":{"admin":true}}' },
  { label: 'JSON array', status: 400, json: [{ name: 'ok' }] },
  { label: 'JSON null', status: 400, body: 'null' },
  { label: 'JSON string', status: 400, body: '"name"' },
  { label: 'malformed JSON', status: 400, body: '{"name": "ok",' },
  { label: 'malformed JSON with SQL', status: 400, body: `{"name": ${SQL}}` },
  { label: 'empty body', status: 400, body: '' },
  {
    label: 'invalid UTF-8',
    status: 400,
    body: new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  },
  { label: 'text/plain body', status: 415, body: '{"name":"ok"}', headers: { 'content-type': 'text/plain' } },
  {
    label: 'form body',
    status: 415,
    body: 'name=ok',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  },
  { label: '17 KiB body', status: 413, body: JSON.stringify({ name: 'ok', description: 'd'.repeat(17 * 1024) }) },
  { label: '17 KiB body without a valid name', status: 413, body: 'x'.repeat(17 * 1024) },
]

function describeHostile(label: string, open: () => Promise<ApiKeyStore>, skip = false): void {
  describe.skipIf(skip)(`hostile input is refused with nothing stored: ${label}`, () => {
    let store: ApiKeyStore
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    it.each(HOSTILE)('$label -> $status', async ({ status, json, body, headers }) => {
      const { call, service, errors } = httpSetup(store)
      const answer = await call('POST', '/api-keys', {
        as: 'bob',
        headers: { 'content-type': 'application/json', ...headers },
        ...(json === undefined ? {} : { json }),
        ...(body === undefined ? {} : { body }),
      })
      expect(answer.status).toBe(status)
      expect(answer.headers.get('content-type')).toBe('application/problem+json')
      expect(answer.body).toMatchObject({ status, code: expect.stringMatching(/^(invalid_input|not_found)$/) })
      expect(errors).toEqual([])
      expect((await service.list({ subject: 'user_bob' })).totalCount).toBe(0)
    })

    it('refuses hostile query strings and key ids with 4xx, and keeps the table', async () => {
      const { call, service } = httpSetup(store)
      const own = await call('POST', '/api-keys', {
        as: 'carol',
        json: { name: SQL, description: 'a\n\tmultiline description' },
      })
      expect(own.status).toBe(201)
      expect(own.body.name).toBe(SQL)
      const queries = [
        [`?query=${encodeURIComponent(SQL)}`, 200],
        ['?query=%25', 200],
        ['?query=%00', 400],
        [`?query=${'q'.repeat(201)}`, 400],
        ['?page=-1', 400],
        ['?page=1e3', 400],
        ['?page=99999999', 400],
        ['?pageSize=0', 400],
        ['?pageSize=101', 400],
        ['?status=deleted', 400],
        ['?hygiene=%27%20OR%201%3D1', 400],
        ['?page=1&page=2', 400],
        [`?${encodeURIComponent(SQL)}=1`, 400],
        [`?subject=${encodeURIComponent(SQL)}`, 404],
      ] as const
      for (const [query, status] of queries) {
        const answer = await call('GET', `/api-keys${query}`, { as: 'carol' })
        expect(answer.status, query).toBe(status)
        if (status === 200) expect(answer.body.totalCount).toBe(query.includes('DROP') ? 1 : 0)
      }
      for (const id of [
        encodeURIComponent(SQL),
        'ak_%E0%A4%A',
        '%00',
        'ak_' + 'a'.repeat(100),
        encodeURIComponent("ak_1' OR '1'='1"),
      ]) {
        expect((await call('GET', `/api-keys/${id}`, { as: 'carol' })).status, id).toBe(404)
        expect((await call('POST', `/api-keys/${id}/revoke`, { as: 'carol', headers: JSON_TYPE })).status, id).toBe(404)
      }
      const patch = await call('PATCH', `/api-keys/${own.body.id as string}`, {
        as: 'carol',
        json: { name: 'n'.repeat(10_000) },
      })
      expect(patch.status).toBe(400)
      const reason = await call('POST', `/api-keys/${own.body.id as string}/revoke`, {
        as: 'carol',
        json: { revocationReason: 5 },
      })
      expect(reason.status).toBe(400)
      const grace = await call('POST', `/api-keys/${own.body.id as string}/roll`, {
        as: 'carol',
        json: { gracePeriodSeconds: SQL },
      })
      expect(grace.status).toBe(400)
      expect(await service.get({ apiKeyId: own.body.id as string })).toMatchObject({ name: SQL, revoked: false })
      expect((await service.list({ subject: 'user_carol' })).totalCount).toBe(1)
    })
  })
}

describeHostile('memory store', async () => createMemoryStore())
describeHostile('embedded store (PGlite)', () => createEmbeddedStore())
const schemas = isolatedSchemas()
afterAll(() => schemas.dropAll())
describeHostile('postgres store', async () => createPostgresStore({ pool: await schemas.pool() }), PG_URL === '')

describe('search text', () => {
  it('says what is wrong: a control character or line break, or more than 200 characters', async () => {
    const { call } = httpSetup(createMemoryStore())
    for (const query of ['%00', 'a%07b', 'line%0Abreak', '%1B%5B2J']) {
      const answer = await call('GET', `/api-keys?query=${query}`, { as: 'bob' })
      expect(answer.status, query).toBe(400)
      expect(answer.body.detail, query).toBe('The search text must not contain control characters or line breaks.')
    }
    const long = await call('GET', `/api-keys?query=${'q'.repeat(201)}`, { as: 'bob' })
    expect(long.body.detail).toBe('The search text must be at most 200 characters.')
  })
})

describe('key names made of invisible or direction-changing characters', () => {
  const NAMES: [string, string, string][] = [
    ['invoice\u202Efdp.exe', 'direction_control', 'Name must not contain characters that change the text direction.'],
    ['\u2067admin\u2069', 'direction_control', 'Name must not contain characters that change the text direction.'],
    ['ok\u200F', 'direction_control', 'Name must not contain characters that change the text direction.'],
    ['\u200B\u200B', 'not_visible', 'Name must contain a visible character.'],
    ['\u3164', 'not_visible', 'Name must contain a visible character.'],
    ['\u2800\u115F', 'not_visible', 'Name must contain a visible character.'],
    ['one\u2028two', 'line_break', 'Name must not contain a line break.'],
    [`Z${'\u0301'.repeat(30)}`, 'stacked_marks', 'Name must not stack more than 8 accents or marks on one character.'],
  ]

  it('refuses them on create and rename, saying why, and stores nothing', async () => {
    const { call } = httpSetup(createMemoryStore())
    const own = await call('POST', '/api-keys', { as: 'bob', json: { name: 'plain' } })
    for (const [name, reason, detail] of NAMES) {
      for (const [method, path] of [
        ['POST', '/api-keys'],
        ['PATCH', `/api-keys/${own.body.id as string}`],
      ] as const) {
        const answer = await call(method, path, { as: 'bob', json: { name } })
        expect(answer.status, `${method} ${JSON.stringify(name)}`).toBe(400)
        expect(answer.body).toMatchObject({ code: 'invalid_input', detail, issues: [{ field: 'name', reason }] })
      }
    }
    const page = await call('GET', '/api-keys', { as: 'bob' })
    expect((page.body.data as { name: string }[]).map((key) => key.name)).toEqual(['plain'])
  })
})
