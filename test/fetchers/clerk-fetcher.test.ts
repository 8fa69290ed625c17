// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createClerkFetcher, type ApiKeysError, type CreateKeyParams, type ListKeysParams } from '../../src/index'
import { fakeFetch, type Exchange } from './fixtures/fake-fetch'
import duplicate from './fixtures/clerk/error.duplicate.json'
import formParam from './fixtures/clerk/error.form-param.json'
import { ORG_ID as ORG, USER_ID as USER, created, page, revoked as revokedKey } from './fixtures/clerk/keys'
import { rejection } from '../helpers/rejection'

/** The Frontend API origin: Clerk's own client calls `/api_keys` at its root, with no `/v1`. */
const BASE = 'https://clerk.example.com'
const NOW = Date.parse('2026-01-01T00:00:00.000Z')
const AUTH = { authorization: 'Bearer session-jwt' }

const signal = new AbortController().signal
const listOf = (overrides: Partial<ListKeysParams> = {}): ListKeysParams => ({
  subject: USER,
  subjectKind: 'user',
  signal,
  query: '',
  page: 1,
  pageSize: 10,
  ...overrides,
})
const createFor = (overrides: Partial<CreateKeyParams> = {}): CreateKeyParams => ({
  subject: ORG,
  subjectKind: 'team',
  signal,
  name: 'CI runner',
  description: 'Deploys from CI',
  secondsUntilExpiration: 2592000,
  scopes: [],
  claims: null,
  ...overrides,
})

function setup(exchanges: Exchange[], token: string | null = 'session-jwt') {
  const fake = fakeFetch(exchanges)
  const fetcher = createClerkFetcher({ baseUrl: `${BASE}/`, getToken: async () => token, fetch: fake.fetch })
  return { fetcher, fake }
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe("createClerkFetcher against Clerk's Frontend API key endpoints (fixtures typed as Clerk's ApiKeyJSON)", () => {
  it('lists a page with GET /api_keys?subject&query&limit&offset and a bearer token, as the kit resources', async () => {
    const { fetcher, fake } = setup([
      {
        method: 'GET',
        url: `${BASE}/api_keys?subject=${USER}&query=prod&limit=10&offset=10`,
        headers: AUTH,
        answer: { json: page },
      },
    ])
    const result = await fetcher.list(listOf({ query: 'prod', page: 2 }))
    fake.assertDone()
    expect(result.totalCount).toBe(3)
    const [production, leaked, laptop] = result.data
    expect(production).toEqual({
      id: 'ak_2pQm7XyZ4vN8rT1bC6dF9gH3jK',
      type: 'api_key',
      name: 'Production server',
      subject: USER,
      description: 'Runs the nightly export',
      claims: { plan: 'pro' },
      scopes: ['reports:read'],
      createdAt: new Date(1740787200000),
      createdBy: USER,
      updatedAt: new Date(1740787200000),
      expiration: new Date(4102444800000),
      expired: false,
      revoked: false,
      revokedAt: null,
      revocationReason: null,
      lastUsedAt: new Date(1764547200000),
      prefix: null,
      lastFour: '',
    })
    expect(leaked).toMatchObject({
      revoked: true,
      revokedAt: new Date(1739577600000),
      revocationReason: 'Pasted into a public gist',
      expiration: null,
    })
    expect(laptop).toMatchObject({ expired: true, createdBy: null })
  })

  it('filters by status on the client, reading the subject’s keys 100 at a time', async () => {
    const { fetcher, fake } = setup([
      {
        method: 'GET',
        url: `${BASE}/api_keys?subject=${USER}&limit=100&offset=0`,
        headers: AUTH,
        answer: { json: page },
      },
      {
        method: 'GET',
        url: `${BASE}/api_keys?subject=${USER}&limit=100&offset=0`,
        headers: AUTH,
        answer: { json: page },
      },
    ])
    const revoked = await fetcher.list(listOf({ status: 'revoked' }))
    expect(revoked).toMatchObject({ totalCount: 1, data: [{ name: 'Leaked key' }] })
    const active = await fetcher.list(listOf({ status: 'active', pageSize: 1 }))
    expect(active).toMatchObject({ totalCount: 1, data: [{ name: 'Production server' }] })
    fake.assertDone()
  })

  it('creates with POST /api_keys as the SDK sends it, and answers the secret once', async () => {
    const { fetcher, fake } = setup([
      {
        method: 'POST',
        url: `${BASE}/api_keys`,
        headers: AUTH,
        body: {
          type: 'api_key',
          name: 'CI runner',
          subject: ORG,
          description: 'Deploys from CI',
          seconds_until_expiration: 2592000,
        },
        answer: { json: created },
      },
    ])
    const key = await fetcher.create(createFor())
    fake.assertDone()
    expect(key).toMatchObject({
      id: created.id,
      subject: ORG,
      secret: created.secret,
      lastFour: created.secret.slice(-4),
      expiration: new Date(1769817600000),
      createdBy: USER,
    })
  })

  it('sends a never-expiring key as null seconds, and only the five fields the Frontend API takes', async () => {
    const { fetcher, fake } = setup([
      {
        method: 'POST',
        url: `${BASE}/api_keys`,
        body: { type: 'api_key', name: 'Reports', subject: USER, description: null, seconds_until_expiration: null },
        answer: { json: { ...created, subject: USER, expiration: null } },
      },
    ])
    const key = await fetcher.create(
      createFor({
        subject: USER,
        subjectKind: 'user',
        name: 'Reports',
        description: null,
        secondsUntilExpiration: null,
      }),
    )
    fake.assertDone()
    expect(key.expiration).toBeNull()
  })

  it('says it stores no scopes, and refuses a create with scopes or claims before any request', async () => {
    const { fetcher, fake } = setup([])
    expect(fetcher.supports).toEqual({ scopes: false })
    const scoped = await rejection(fetcher.create(createFor({ scopes: ['reports:read'] })))
    expect(scoped).toMatchObject({ code: 'invalid_input', issues: [{ field: 'scopes', reason: 'invalid' }] })
    const claimed = await rejection(fetcher.create(createFor({ claims: { tier: 1 } })))
    expect(claimed).toMatchObject({ code: 'invalid_input', issues: [{ field: 'claims', reason: 'invalid' }] })
    expect(fake.calls).toEqual([])
  })

  it('fills in the expiration from seconds_until_expiration when an answer has no expiration', async () => {
    const { expiration: _dropped, ...answer } = created
    const { fetcher } = setup([
      {
        method: 'POST',
        url: `${BASE}/api_keys`,
        body: expect.anything(),
        answer: { json: { ...answer, seconds_until_expiration: 2592000 } },
      },
    ])
    const key = await fetcher.create(createFor())
    expect(key.expiration).toEqual(new Date(created.created_at + 2592000 * 1000))
  })

  it("reads an expiration or last use of 0 as unset, as Clerk's SDK does", async () => {
    const [first] = page.data
    const { fetcher } = setup([
      {
        method: 'GET',
        url: `${BASE}/api_keys?subject=${USER}&limit=10&offset=0`,
        answer: { json: { data: [{ ...first, expiration: 0, last_used_at: 0 }], total_count: 1 } },
      },
    ])
    const [key] = (await fetcher.list(listOf())).data
    expect(key).toMatchObject({ expiration: null, lastUsedAt: null })
  })

  it('adds __clerk_db_jwt to every request for a development instance, as Clerk’s client does', async () => {
    const fake = fakeFetch([
      {
        method: 'GET',
        url: `${BASE}/api_keys?subject=${USER}&limit=10&offset=0&__clerk_db_jwt=dvb_abc`,
        headers: AUTH,
        answer: { json: page },
      },
      {
        method: 'POST',
        url: `${BASE}/api_keys?__clerk_db_jwt=dvb_abc`,
        headers: AUTH,
        body: expect.anything(),
        answer: { json: created },
      },
      {
        method: 'POST',
        url: `${BASE}/api_keys/${revokedKey.id}/revoke?__clerk_db_jwt=dvb_abc`,
        headers: AUTH,
        body: expect.anything(),
        answer: { json: revokedKey },
      },
    ])
    const fetcher = createClerkFetcher({
      baseUrl: BASE,
      getToken: () => 'session-jwt',
      getDevBrowserJwt: async () => 'dvb_abc',
      fetch: fake.fetch,
    })
    await fetcher.list(listOf())
    await fetcher.create(createFor())
    await fetcher.revoke({
      subject: USER,
      subjectKind: 'user',
      signal,
      apiKeyId: revokedKey.id,
      revocationReason: null,
    })
    fake.assertDone()
  })

  it('revokes with POST /api_keys/{id}/revoke and revocation_reason', async () => {
    const { fetcher, fake } = setup([
      {
        method: 'POST',
        url: `${BASE}/api_keys/${revokedKey.id}/revoke`,
        headers: AUTH,
        body: { revocation_reason: 'Rotated out' },
        answer: { json: revokedKey },
      },
    ])
    const key = await fetcher.revoke({
      subject: USER,
      subjectKind: 'user',
      signal,
      apiKeyId: revokedKey.id,
      revocationReason: 'Rotated out',
    })
    fake.assertDone()
    expect(key).toMatchObject({ revoked: true, revocationReason: 'Rotated out', revokedAt: new Date(1767225600000) })
    expect('update' in fetcher || 'roll' in fetcher).toBe(false)
  })

  it("maps Clerk's errors by status, never showing their body", async () => {
    const post: Omit<Exchange, 'answer'> = { method: 'POST', url: `${BASE}/api_keys`, body: expect.anything() }
    const { fetcher } = setup([
      { ...post, answer: { status: 422, json: formParam } },
      { ...post, answer: { status: 409, json: duplicate } },
      { ...post, answer: { status: 403, json: { errors: [{ code: 'authorization_invalid', message: 'forbidden' }] } } },
      { ...post, answer: { status: 429, json: { errors: [] }, headers: { 'retry-after': '30' } } },
      { ...post, answer: { status: 500, text: 'upstream said ak_live_7Hq2Zr9XkP4mW1vN8bT5cY3dL6fG0sJa' } },
    ])
    const errors: ApiKeysError[] = []
    for (let i = 0; i < 5; i++) errors.push(await rejection(fetcher.create(createFor())))
    expect(errors.map(({ code, status }) => ({ code, status }))).toEqual([
      { code: 'invalid_input', status: 422 },
      { code: 'conflict', status: 409 },
      { code: 'forbidden', status: 403 },
      { code: 'rate_limited', status: 429 },
      { code: 'unknown', status: 500 },
    ])
    expect(errors[3]?.retryAfterSeconds).toBe(30)
    const shown = errors.map((error) => error.message).join('\n')
    expect(shown).not.toContain('ak_live_')
    expect(shown).not.toContain('already exists for this subject')
  })

  it('sends no request and answers unauthenticated while nobody is signed in', async () => {
    const { fetcher, fake } = setup([], null)
    expect(await rejection(fetcher.list(listOf()))).toMatchObject({ code: 'unauthenticated', status: 401 })
    expect(fake.calls).toEqual([])
  })

  it('passes the AbortSignal to fetch, and an abort rejects with the AbortError', async () => {
    const controller = new AbortController()
    const seen: (AbortSignal | null | undefined)[] = []
    const fetcher = createClerkFetcher({
      baseUrl: BASE,
      getToken: () => 'session-jwt',
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => {
          seen.push(init.signal)
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason))
        }),
    })
    const pending = fetcher.list(listOf({ signal: controller.signal }))
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    controller.abort()
    expect(
      await pending.then(
        () => null,
        (reason: unknown) => reason,
      ),
    ).toMatchObject({ name: 'AbortError' })
    expect(seen[0]).toBe(controller.signal)
  })

  it('refuses a base URL ending in /v1: the API key endpoints are at the root of the Frontend API', () => {
    expect(() => createClerkFetcher({ baseUrl: `${BASE}/v1/`, getToken: () => 'jwt' })).toThrow(
      /without \/v1.*https:\/\/clerk\.example\.com$/,
    )
  })

  it('turns a fetch that cannot reach Clerk into a network error', async () => {
    const fetcher = createClerkFetcher({
      baseUrl: BASE,
      getToken: () => 'jwt',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    })
    expect(await rejection(fetcher.list(listOf()))).toMatchObject({
      code: 'network',
      message: 'Could not reach the server. Check your connection and try again.',
    })
  })
})
