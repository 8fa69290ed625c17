// @vitest-environment node
import { UNUSED_AFTER_MS } from '../../src/core/key-hygiene'
import { createApiKeysHandler } from '../../src/server/http/handler'
import { createApiKeyService } from '../../src/server/service/api-key-service'
import { createMemoryStore } from '../../src/server/stores/memory-store'
import type { ApiKeyStore } from '../../src/server/stores/types'
import { httpSetup } from './http-helpers'

const SECOND = 1000
/** What the kit's REST fetcher sends with every POST and PATCH, a body or not. */
const JSON_TYPE = { 'content-type': 'application/json' }

describe('createApiKeysHandler: routes', () => {
  it('creates (201, Location, secret once), gets, lists, updates, revokes and rolls', async () => {
    const { call, service } = httpSetup(createMemoryStore(), { basePath: '/api/' })
    const created = await call('POST', '/api/api-keys', {
      as: 'alice',
      json: { name: 'CI', scopes: ['deploy'], secondsUntilExpiration: 3600 },
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(created.headers.get('cache-control')).toBe('no-store')
    const id = created.body.id as string
    expect(created.headers.get('location')).toBe(`/api/api-keys/${id}`)
    expect(created.body).toMatchObject({
      name: 'CI',
      subject: 'user_alice',
      createdBy: 'user_alice',
      scopes: ['deploy'],
      createdAt: '2030-01-01T00:00:00.000Z',
      expiration: '2030-01-01T01:00:00.000Z',
      revoked: false,
    })
    const secret = created.body.secret as string
    expect((await service.verify(secret)).valid).toBe(true)

    const got = await call('GET', `/api/api-keys/${id}`, { as: 'alice' })
    expect(got.status).toBe(200)
    expect(got.body).toMatchObject({ id, name: 'CI' })
    expect(got.body.secret).toBeUndefined()

    const listed = await call('GET', '/api/api-keys?query=ci&status=active&page=1&pageSize=5', { as: 'alice' })
    expect(listed.status).toBe(200)
    expect(listed.body.totalCount).toBe(1)
    expect((listed.body.data as { id: string; secret?: string }[]).map((key) => [key.id, key.secret])).toEqual([
      [id, undefined],
    ])

    const updated = await call('PATCH', `/api/api-keys/${id}`, {
      as: 'alice',
      json: { name: 'CI deploy', description: 'pipeline' },
    })
    expect(updated).toMatchObject({ status: 200, body: { name: 'CI deploy', description: 'pipeline' } })

    const rolled = await call('POST', `/api/api-keys/${id}/roll`, { as: 'alice', json: { gracePeriodSeconds: 60 } })
    expect(rolled.status).toBe(200)
    const replacement = rolled.body.replacement as { id: string; secret: string; name: string }
    expect(replacement.name).toBe('CI deploy')
    expect((await service.verify(replacement.secret)).valid).toBe(true)
    expect(rolled.body.previous).toMatchObject({ id, expiration: '2030-01-01T00:01:00.000Z' })

    const revoked = await call('POST', `/api/api-keys/${replacement.id}/revoke`, {
      as: 'alice',
      json: { revocationReason: 'done' },
    })
    expect(revoked).toMatchObject({
      status: 200,
      body: { revoked: true, revocationReason: 'done', revokedAt: '2030-01-01T00:00:00.000Z', revokedBy: 'user_alice' },
    })
    const again = await call('POST', `/api/api-keys/${replacement.id}/revoke`, {
      as: 'alice',
      json: { revocationReason: 'later' },
    })
    expect(again.body).toEqual(revoked.body)
    const noBody = await call('POST', `/api/api-keys/${id}/revoke`, { as: 'alice', headers: JSON_TYPE })
    expect(noBody).toMatchObject({ status: 200, body: { revoked: true, revocationReason: null } })

    const byStatus = await call('GET', '/api/api-keys?status=revoked', { as: 'alice' })
    expect(byStatus.body.totalCount).toBe(2)
  })

  it('answers 401 without a caller, 404 for unknown routes and 405 with Allow', async () => {
    const { call } = httpSetup(createMemoryStore())
    const anonymous = await call('GET', '/api-keys')
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json')
    expect(anonymous.body).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      title: 'Unauthorized',
      type: 'urn:react-api-keys:problem:unauthenticated',
      detail: 'Sign in to manage API keys.',
    })
    expect((await call('POST', '/api-keys', { json: { name: 'x' } })).status).toBe(401)
    for (const path of ['/nope', '/api-keys/', '/api-keys/ak_x/delete', '/api-keys/ak_x/roll/more', '/api/api-keys']) {
      expect((await call('GET', path, { as: 'alice' })).body).toMatchObject({ status: 404, code: 'not_found' })
    }
    const wrong = await call('DELETE', '/api-keys', { as: 'alice' })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('GET, POST')
    expect((await call('PUT', '/api-keys/ak_abc', { as: 'alice' })).headers.get('allow')).toBe('GET, PATCH')
    expect((await call('GET', '/api-keys/ak_abc/roll', { as: 'alice' })).status).toBe(405)
  })

  it('answers 409 for a taken name or a key that cannot be rolled', async () => {
    const { call } = httpSetup(createMemoryStore())
    const a = await call('POST', '/api-keys', { as: 'bob', json: { name: 'one' } })
    await call('POST', '/api-keys', { as: 'bob', json: { name: 'two' } })
    expect((await call('POST', '/api-keys', { as: 'bob', json: { name: 'ONE' } })).body).toMatchObject({
      status: 409,
      code: 'conflict',
    })
    expect((await call('PATCH', `/api-keys/${a.body.id as string}`, { as: 'bob', json: { name: 'Two' } })).status).toBe(
      409,
    )
    await call('POST', `/api-keys/${a.body.id as string}/revoke`, { as: 'bob', headers: JSON_TYPE })
    expect(
      (await call('POST', `/api-keys/${a.body.id as string}/roll`, { as: 'bob', json: { gracePeriodSeconds: 0 } }))
        .status,
    ).toBe(409)
  })

  it('lets exactly one of concurrent creates of one name win over HTTP', async () => {
    const { call } = httpSetup(createMemoryStore())
    const results = await Promise.all(
      Array.from({ length: 20 }, () => call('POST', '/api-keys', { as: 'bob', json: { name: 'race' } })),
    )
    expect(results.map((result) => result.status).sort()).toEqual([201, ...Array<number>(19).fill(409)])
  })

  it('rate limits creates per caller with 429 and Retry-After', async () => {
    const { clock } = httpSetup(createMemoryStore(), {})
    const limited = httpSetup(createMemoryStore(), { createRateLimit: { limit: 3, windowSeconds: 60, now: clock.now } })
    for (let i = 0; i < 3; i++)
      expect((await limited.call('POST', '/api-keys', { as: 'bob', json: { name: `k${i}` } })).status).toBe(201)
    const refused = await limited.call('POST', '/api-keys', { as: 'bob', json: { name: 'k3' } })
    expect(refused.status).toBe(429)
    expect(refused.body).toMatchObject({ code: 'rate_limited' })
    expect(refused.headers.get('retry-after')).toBe('20')
    expect((await limited.call('POST', '/api-keys', { as: 'alice', json: { name: 'k3' } })).status).toBe(201)
    clock.advance(20 * SECOND)
    expect((await limited.call('POST', '/api-keys', { as: 'bob', json: { name: 'k3' } })).status).toBe(201)
    expect((await limited.call('POST', '/api-keys', { as: 'bob', json: { name: 'k4' } })).status).toBe(429)
    expect((await limited.call('GET', '/api-keys', { as: 'bob' })).body.totalCount).toBe(4)
    // The default limit is 10 a minute.
    const shared = httpSetup(createMemoryStore(), { createRateLimit: {} })
    const sharedStatuses: number[] = []
    for (let i = 0; i < 11; i++)
      sharedStatuses.push((await shared.call('POST', '/api-keys', { as: 'bob', json: { name: `d${i}` } })).status)
    expect(sharedStatuses).toEqual([...Array<number>(10).fill(201), 429])
  })

  it('lists by hygiene finding, counted across every key, and refuses a finding it does not know', async () => {
    const { call, clock } = httpSetup(createMemoryStore())
    await call('POST', '/api-keys', { as: 'alice', json: { name: 'old' } })
    clock.advance(UNUSED_AFTER_MS + SECOND)
    await call('POST', '/api-keys', { as: 'alice', json: { name: 'soon', secondsUntilExpiration: 3600 } })
    await call('POST', '/api-keys', { as: 'alice', json: { name: 'new' } })
    const listed = async (query: string): Promise<[string[], unknown]> => {
      const answer = await call('GET', `/api-keys?${query}`, { as: 'alice' })
      expect(answer.status, query).toBe(200)
      return [(answer.body.data as { name: string }[]).map((key) => key.name), answer.body.totalCount]
    }
    expect(await listed('hygiene=unused&pageSize=1')).toEqual([['old'], 1])
    expect(await listed('hygiene=expiring-this-week&pageSize=1')).toEqual([['soon'], 1])
    expect(await listed('hygiene=expiring-this-week&status=revoked')).toEqual([[], 0])
    expect(await listed('hygiene=unused&query=new')).toEqual([[], 0])
    expect(await listed('pageSize=1')).toEqual([['new'], 3])

    const unknown = await call('GET', '/api-keys?hygiene=stale', { as: 'alice' })
    expect(unknown.status).toBe(400)
    expect(unknown.body).toMatchObject({
      code: 'invalid_input',
      detail: 'The hygiene filter must be one of expiring-this-week, unused.',
      issues: [{ field: 'hygiene', reason: 'invalid' }],
    })
    const twice = await call('GET', '/api-keys?hygiene=unused&hygiene=unused', { as: 'alice' })
    expect(twice.body).toMatchObject({ status: 400, issues: [{ field: 'hygiene', reason: 'invalid' }] })
  })

  it('answers 500 without detail when the store fails, and tells onError', async () => {
    const broken: ApiKeyStore = {
      ...createMemoryStore(),
      list: () => Promise.reject(new Error('connection refused to db.internal:5432')),
    }
    const { call, errors } = httpSetup(broken)
    const answer = await call('GET', '/api-keys', { as: 'bob' })
    expect(answer.status).toBe(500)
    expect(answer.body).toEqual({
      type: 'urn:react-api-keys:problem:unknown',
      title: 'Internal Server Error',
      status: 500,
      code: 'unknown',
      detail: 'The server could not complete the request.',
    })
    expect(errors).toHaveLength(1)
  })
})

describe('createApiKeysHandler: who may reach which keys', () => {
  it('answers 404 for another user’s key and for teams without $manage_api_keys, changing nothing', async () => {
    const { call, service } = httpSetup(createMemoryStore())
    const bobs = await call('POST', '/api-keys', { as: 'bob', json: { name: 'bob key' } })
    const bobId = bobs.body.id as string
    const teamB = await service.create({ subject: 'team_b', subjectKind: 'team', name: 'team b key' })

    const missing = await call('GET', '/api-keys/ak_doesnotexist0000000000', { as: 'alice' })
    for (const id of [bobId, teamB.id]) {
      for (const [method, path, json] of [
        ['GET', `/api-keys/${id}`, undefined],
        ['PATCH', `/api-keys/${id}`, { name: 'mine now' }],
        ['POST', `/api-keys/${id}/revoke`, { revocationReason: 'x' }],
        ['POST', `/api-keys/${id}/roll`, { gracePeriodSeconds: 0 }],
      ] as const) {
        const answer = await call(method, path, { as: 'alice', ...(json === undefined ? {} : { json }) })
        expect(answer.status, `${method} ${path}`).toBe(404)
        expect(answer.body).toEqual(missing.body)
      }
    }
    expect((await call('GET', '/api-keys?subject=team_b', { as: 'alice' })).status).toBe(404)
    expect((await call('GET', '/api-keys?subject=user_bob', { as: 'alice' })).status).toBe(404)
    expect((await call('POST', '/api-keys', { as: 'alice', json: { subject: 'team_b', name: 'sneaky' } })).status).toBe(
      404,
    )
    expect(
      (await call('POST', '/api-keys', { as: 'alice', json: { subject: 'user_bob', name: 'sneaky' } })).status,
    ).toBe(404)

    expect(await service.get({ apiKeyId: bobId })).toMatchObject({ name: 'bob key', revoked: false })
    expect(await service.get({ apiKeyId: teamB.id })).toMatchObject({ name: 'team b key', revoked: false })
    expect((await service.list({ subject: 'team_b', subjectKind: 'team' })).totalCount).toBe(1)
    expect((await service.list({ subject: 'user_bob' })).totalCount).toBe(1)

    // Carol manages team_b: she reaches its key, and the key records that she revoked it.
    const byCarol = await call('POST', `/api-keys/${teamB.id}/revoke`, { as: 'carol', headers: JSON_TYPE })
    expect(byCarol).toMatchObject({ status: 200, body: { revoked: true, revokedBy: 'user_carol' } })
  })

  it('lets a team manager create, list and roll the team’s keys', async () => {
    const { call } = httpSetup(createMemoryStore())
    const created = await call('POST', '/api-keys', { as: 'alice', json: { subject: 'team_a', name: 'team key' } })
    expect(created.body).toMatchObject({ subject: 'team_a', createdBy: 'user_alice' })
    expect((await call('GET', '/api-keys?subject=team_a', { as: 'alice' })).body.totalCount).toBe(1)
    expect((await call('GET', '/api-keys', { as: 'alice' })).body.totalCount).toBe(0)
    expect(
      (
        await call('POST', `/api-keys/${created.body.id as string}/roll`, {
          as: 'alice',
          json: { gracePeriodSeconds: 5 },
        })
      ).status,
    ).toBe(200)
    expect((await call('GET', `/api-keys/${created.body.id as string}`, { as: 'bob' })).status).toBe(404)
  })
})

describe('createApiKeysHandler: forged cross-site requests (CSRF)', () => {
  const EVIL = 'https://evil.example'

  it('refuses what another site can send without a preflight, changes nothing, and lets the app and servers through', async () => {
    const { call } = httpSetup(createMemoryStore(), { allowedOrigins: ['https://admin.example'] })
    const key = await call('POST', '/api-keys', { as: 'bob', json: { name: 'target' } })
    const id = key.body.id as string
    const forged: [string, number, string, string, Record<string, string>, string?][] = [
      [
        'empty form post from another site',
        403,
        'POST',
        `/api-keys/${id}/revoke`,
        { origin: EVIL, 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' },
        '',
      ],
      [
        'no-cors fetch from another origin of the same site',
        403,
        'POST',
        `/api-keys/${id}/revoke`,
        { origin: 'http://other.localhost', 'sec-fetch-site': 'same-site', 'content-type': 'text/plain;charset=UTF-8' },
        '',
      ],
      [
        'cross-site request without an Origin',
        403,
        'POST',
        `/api-keys/${id}/revoke`,
        { 'sec-fetch-site': 'cross-site', ...JSON_TYPE },
        '',
      ],
      [
        'opaque origin (sandboxed frame)',
        403,
        'POST',
        `/api-keys/${id}/revoke`,
        { origin: 'null', 'sec-fetch-site': 'cross-site', ...JSON_TYPE },
        '',
      ],
      [
        'JSON roll from another site',
        403,
        'POST',
        `/api-keys/${id}/roll`,
        { origin: EVIL, ...JSON_TYPE },
        '{"gracePeriodSeconds":0}',
      ],
      [
        'JSON rename from another site',
        403,
        'PATCH',
        `/api-keys/${id}`,
        { origin: EVIL, ...JSON_TYPE },
        '{"name":"pwned"}',
      ],
      ['JSON create from another site', 403, 'POST', '/api-keys', { origin: EVIL, ...JSON_TYPE }, '{"name":"planted"}'],
      ['empty revoke without a content type', 415, 'POST', `/api-keys/${id}/revoke`, {}, ''],
      [
        'empty revoke as a form from the app itself',
        415,
        'POST',
        `/api-keys/${id}/revoke`,
        { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
        '',
      ],
    ]
    for (const [label, status, method, path, headers, body] of forged) {
      const answer = await call(method, path, { as: 'bob', headers, ...(body === undefined ? {} : { body }) })
      expect(answer.status, label).toBe(status)
      expect(answer.headers.get('content-type'), label).toBe('application/problem+json')
      if (status === 403) {
        expect(answer.body, label).toMatchObject({
          code: 'forbidden',
          detail: expect.stringContaining('allowedOrigins'),
        })
      } else {
        expect(answer.body.detail, label).toBe(
          'Send this request with Content-Type: application/json, even without a body.',
        )
      }
    }
    const untouched = await call('GET', '/api-keys', {
      as: 'bob',
      headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' },
    })
    expect(untouched.body).toMatchObject({ totalCount: 1, data: [{ id, name: 'target', revoked: false }] })

    const allowed: [string, Record<string, string>][] = [
      ['the app itself', { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }],
      [
        'the app behind a proxy that changed the URL',
        { origin: 'https://app.example', 'sec-fetch-site': 'same-origin' },
      ],
      ['an allowed origin', { origin: 'https://admin.example', 'sec-fetch-site': 'cross-site' }],
      ['a browser without Sec-Fetch-Site', { origin: 'http://localhost' }],
      ['a server or curl', {}],
    ]
    for (const [label, headers] of allowed) {
      const renamed = await call('PATCH', `/api-keys/${id}`, { as: 'bob', headers, json: { name: label } })
      expect(renamed.status, label).toBe(200)
    }
    expect(
      (
        await call('POST', `/api-keys/${id}/revoke`, {
          as: 'bob',
          headers: { origin: 'http://localhost', ...JSON_TYPE },
        })
      ).status,
    ).toBe(200)
  })

  it('takes only plain origins as allowedOrigins, failing at start-up otherwise', () => {
    const service = createApiKeyService({ store: createMemoryStore() })
    const make = (allowedOrigins: string[]) => () =>
      createApiKeysHandler({ service, authenticate: () => null, allowedOrigins })
    for (const bad of [
      '*',
      'null',
      'evil.example',
      'https://app.example/path',
      'https://user@app.example',
      'ftp://app.example',
    ]) {
      expect(make([bad]), bad).toThrow(TypeError)
    }
    expect(make(['https://app.example', 'http://localhost:5173/'])).not.toThrow()
  })
})
