// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createRestFetcher,
  isWellFormedApiKey,
  type CreateKeyParams,
  type ListKeysParams,
  type SubjectKind,
} from '../../src/index'
import { closedPort, LEAKED_SECRET, startRestServer, type RestTestServer } from './fixtures/rest-server'
import { rejection } from '../helpers/rejection'

const signal = new AbortController().signal
const NETWORK_MESSAGE = 'Could not reach the server. Check your connection and try again.'

const as = (subject: string, subjectKind: SubjectKind = 'user') => ({ subject, subjectKind, signal })
const listOf = (subject: string, overrides: Partial<ListKeysParams> = {}): ListKeysParams => ({
  ...as(subject),
  query: '',
  page: 1,
  pageSize: 10,
  ...overrides,
})
const createFor = (subject: string, name: string, overrides: Partial<CreateKeyParams> = {}): CreateKeyParams => ({
  ...as(subject),
  name,
  description: null,
  secondsUntilExpiration: null,
  scopes: [],
  claims: null,
  ...overrides,
})

// The rules every fetcher keeps (order, search, conflicts, revoke twice, roll...) are the fetcher contract's
// (contract.test.ts); these are what only the REST fetcher does: the wire, HTTP statuses and failures.
describe('createRestFetcher against the real server companion over loopback', () => {
  let server: RestTestServer
  let limited: RestTestServer
  const fetcherAs = (userId: string, extra: Record<string, string> = {}) =>
    createRestFetcher({ baseUrl: server.baseUrl, headers: { 'x-test-user': userId, ...extra } })

  beforeAll(async () => {
    server = await startRestServer()
    limited = await startRestServer({ createRateLimit: { limit: 1, windowSeconds: 60 } })
  })
  afterAll(async () => {
    await server?.close()
    await limited?.close()
  })

  it('creates a key with its secret once, and lists it with real Dates and no secret', async () => {
    const fetcher = fetcherAs('user_create')
    const created = await fetcher.create(
      createFor('user_create', 'Deploy', {
        description: 'CI',
        secondsUntilExpiration: 3600,
        scopes: ['read'],
        claims: { plan: 'pro' },
      }),
    )
    expect(isWellFormedApiKey(created.secret)).toBe(true)
    expect(created).toMatchObject({
      name: 'Deploy',
      subject: 'user_create',
      description: 'CI',
      scopes: ['read'],
      claims: { plan: 'pro' },
      createdBy: 'user_create',
      revoked: false,
      revokedAt: null,
      expired: false,
      lastFour: created.secret.slice(-4),
      prefix: 'sk_',
    })
    expect(created.createdAt).toBeInstanceOf(Date)
    expect((created.expiration?.getTime() ?? 0) - created.createdAt.getTime()).toBe(3600_000)

    const page = await fetcher.list(listOf('user_create'))
    expect(page.totalCount).toBe(1)
    expect(page.data[0]).toMatchObject({ id: created.id, name: 'Deploy', lastFour: created.lastFour })
    expect(page.data[0]).not.toHaveProperty('secret')
    expect(page.data[0]?.createdAt).toEqual(created.createdAt)
    expect(page.data[0]?.lastUsedAt).toBeNull()
  })

  it('sends hygiene as a query parameter only when given, and only to an API that filters by it', async () => {
    const fetcher = fetcherAs('user_findings')
    expect(fetcher.supports?.hygiene).toBe(true)
    await fetcher.create(createFor('user_findings', 'Soon', { secondsUntilExpiration: 3600 }))
    await fetcher.create(createFor('user_findings', 'Later'))
    const lists = (): string[] =>
      server.requests.filter((line) => line.startsWith('GET /api/api-keys?subject=user_findings'))

    const soon = await fetcher.list(listOf('user_findings', { hygiene: 'expiring-this-week', pageSize: 1 }))
    expect([soon.data.map((key) => key.name), soon.totalCount]).toEqual([['Soon'], 1])
    expect(lists().at(-1)).toContain('&hygiene=expiring-this-week&')
    await fetcher.list(listOf('user_findings'))
    expect(lists().at(-1)).not.toContain('hygiene=')

    // An app's own API that never heard of it: the fetcher says so, and never sends it.
    const own = createRestFetcher({
      baseUrl: server.baseUrl,
      headers: { 'x-test-user': 'user_findings' },
      hygiene: false,
    })
    expect(own.supports?.hygiene).toBe(false)
    const all = await own.list(listOf('user_findings', { hygiene: 'expiring-this-week' }))
    expect(all.totalCount).toBe(2)
    expect(lists().at(-1)).not.toContain('hygiene=')
  })

  it("manages a team's keys, with getToken sent as a bearer token", async () => {
    const fetcher = createRestFetcher({ baseUrl: `${server.baseUrl}/`, getToken: async () => 'user_team' })
    const team = { subject: 'team_of_user_team', subjectKind: 'team' as const }
    const created = await fetcher.create({ ...createFor('x', 'Team key'), ...team })
    expect(created).toMatchObject({ subject: 'team_of_user_team', createdBy: 'user_team' })
    const page = await fetcher.list({ ...listOf('x'), ...team })
    expect(page.data.map((key) => key.id)).toEqual([created.id])
    expect(server.requests.at(-1)).toBe(
      'GET /api/api-keys?subject=team_of_user_team&subjectKind=team&page=1&pageSize=10',
    )
  })

  it('keeps a team whose id is the user’s own apart from the user’s keys', async () => {
    // user_same also manages a team whose id is user_same: the kind alone tells the two owners apart.
    const fetcher = fetcherAs('user_same', { 'x-test-manages': 'user_same' })
    const team = { subject: 'user_same', subjectKind: 'team' as const }
    const mine = await fetcher.create(createFor('user_same', 'Prod'))
    const teams = await fetcher.create({ ...createFor('x', 'Prod'), ...team })
    expect(mine).toMatchObject({ subject: 'user_same', subjectKind: 'user' })
    expect(teams).toMatchObject({ subject: 'user_same', subjectKind: 'team' })
    expect((await fetcher.list(listOf('user_same'))).data.map((key) => key.id)).toEqual([mine.id])
    expect((await fetcher.list({ ...listOf('x'), ...team })).data.map((key) => key.id)).toEqual([teams.id])
  })

  it('maps refused input to invalid_input (400) with the issues the forms show', async () => {
    const error = await rejection(
      fetcherAs('user_bad').create(createFor('user_bad', 'x'.repeat(65), { scopes: ['a', 'a'] })),
    )
    expect(error).toMatchObject({ code: 'invalid_input', status: 400 })
    expect(error.issues).toContainEqual({ field: 'name', reason: 'too_long', limit: 64 })
  })

  it('answers not_found (404) for a subject the caller does not manage', async () => {
    const bob = fetcherAs('user_bob')
    expect(await rejection(bob.list(listOf('user_alice')))).toMatchObject({ code: 'not_found', status: 404 })
  })

  it('maps the create rate limit to rate_limited (429) with retryAfterSeconds', async () => {
    const fetcher = createRestFetcher({ baseUrl: limited.baseUrl, headers: { 'x-test-user': 'user_fast' } })
    await fetcher.create(createFor('user_fast', 'First'))
    const error = await rejection(fetcher.create(createFor('user_fast', 'Second')))
    expect(error).toMatchObject({ code: 'rate_limited', status: 429 })
    expect(error.retryAfterSeconds).toBeGreaterThan(0)
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(60)
  })

  it('maps a body over 16 KiB to invalid_input (413)', async () => {
    const error = await rejection(
      fetcherAs('user_big').create(createFor('user_big', 'Big', { description: 'x'.repeat(20_000) })),
    )
    expect(error).toMatchObject({ code: 'invalid_input', status: 413 })
  })

  it('rejects with an AbortError when the request is aborted mid-flight', async () => {
    const before = server.requests.length
    const controller = new AbortController()
    const pending = fetcherAs('user_slow', { 'x-test-slow': '1' }).list({
      ...listOf('user_slow'),
      signal: controller.signal,
    })
    await server.waitForRequests(before + 1)
    controller.abort()
    const error = await pending.then(
      () => null,
      (reason: unknown) => reason,
    )
    expect(error).toMatchObject({ name: 'AbortError' })
    server.release()
  })

  it('sends nothing when the signal is already aborted', async () => {
    const before = server.requests.length
    const controller = new AbortController()
    controller.abort()
    const error = await fetcherAs('user_x')
      .list({ ...listOf('user_x'), signal: controller.signal })
      .then(
        () => null,
        (reason: unknown) => reason,
      )
    expect(error).toMatchObject({ name: 'AbortError' })
    expect(server.requests.length).toBe(before)
  })

  it('turns a closed port into a network error with a message a user understands', async () => {
    const port = await closedPort()
    const fetcher = createRestFetcher({ baseUrl: `http://127.0.0.1:${port}/api` })
    const error = await rejection(fetcher.create(createFor('user_x', 'Nowhere')))
    expect(error).toMatchObject({ code: 'network', status: 0, message: NETWORK_MESSAGE })
  })

  it('sends a create exactly once, even when it fails', async () => {
    const creates = (): number => server.requests.filter((line) => line === 'POST /api/api-keys').length
    let before = creates()
    expect(
      await rejection(fetcherAs('user_once', { 'x-test-fail': '503' }).create(createFor('user_once', 'Once'))),
    ).toMatchObject({
      code: 'unavailable',
      status: 503,
    })
    expect(creates()).toBe(before + 1)

    before = creates()
    await fetcherAs('user_once').create(createFor('user_once', 'Taken'))
    await rejection(fetcherAs('user_once').create(createFor('user_once', 'Taken')))
    expect(creates()).toBe(before + 2)
  })

  it('never puts a raw body or a secret into an error message', async () => {
    const error = await rejection(fetcherAs('user_leak', { 'x-test-fail': 'leaky' }).list(listOf('user_leak')))
    expect(error).toMatchObject({ code: 'unknown', status: 500, message: 'Something went wrong. Please try again.' })
    expect(JSON.stringify({ message: error.message, issues: error.issues })).not.toContain(LEAKED_SECRET)
  })

  it('rejects an OK answer that is not JSON as unknown', async () => {
    const error = await rejection(fetcherAs('user_html', { 'x-test-fail': 'html' }).list(listOf('user_html')))
    expect(error).toMatchObject({ code: 'unknown' })
    expect(error.message).not.toContain('<')
  })
})
