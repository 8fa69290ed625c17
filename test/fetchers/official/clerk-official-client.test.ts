/**
 * Clerk's own client (`@clerk/clerk-js`: a `Clerk` loaded and signed in) and the kit's Clerk fetcher
 * run the same API-key calls (`clerk.apiKeys.getAll`, `create`, `revoke`) on one recording `fetch`;
 * each kit request must match the official one. Runs in jsdom, where clerk-js expects a browser.
 */
import { Clerk } from '@clerk/clerk-js'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createClerkFetcher, type SubjectKind } from '../../../src/index'
import { ORG_ID, USER_ID, revoked } from '../fixtures/clerk/keys'
import { DEV_BROWSER_JWT, clerkBackend, publishableKey, sessionToken } from './clerk-backend'
import { expectSameRequest, type Deliberate } from './compare'
import { createRecorder, type Recorder, type RecordedRequest } from './recorder'

const NOW = Date.parse('2026-01-01T00:00:00.000Z')
const signal = new AbortController().signal

/** What clerk-js adds to every Frontend API request that the kit leaves out, and why that is harmless. */
const CLERK_JS_QUERY: Deliberate['query'] = {
  __clerk_api_version: {
    kit: undefined,
    why: 'pins the API version for the whole of clerk-js; the versions so far change sign-in, session tokens and billing, not /api_keys',
  },
  _clerk_js_version: { kit: undefined, why: "names clerk-js's own version; the kit is not clerk-js" },
  _clerk_session_id: {
    kit: undefined,
    why: 'picks the session in a multi-session client; the bearer token already names the session',
  },
}
/** `getAll` sends `query=` even when empty; the kit leaves an empty search out. */
const EMPTY_QUERY: Deliberate['query'] = { query: { kit: undefined, why: 'an empty search is no search' } }
/** A key that never expires: clerk-js leaves `seconds_until_expiration` out, the kit sends null. */
const NEVER_EXPIRES: Deliberate['body'] = {
  seconds_until_expiration: {
    kit: null,
    why: 'Clerk documents null and a missing field alike: a key that never expires',
  },
}

interface World {
  clerk: Clerk
  recorder: Recorder
  token: string
}

async function signedIn(instance: 'production' | 'development'): Promise<World> {
  const frontendApi = instance === 'production' ? 'clerk.example.com' : 'fine-ant-12.clerk.accounts.dev'
  const token = sessionToken(NOW, `https://${frontendApi}`)
  const recorder = createRecorder(clerkBackend(instance, token))
  vi.stubGlobal('fetch', recorder.fetch)
  const clerk = new Clerk(publishableKey(instance === 'production' ? 'live' : 'test', frontendApi))
  await clerk.load()
  expect(clerk.session?.id, 'the official client is signed in').toBeDefined()
  recorder.take()
  return { clerk, recorder, token }
}

/** Web Locks that grant every request at once: the tests run one Clerk at a time. */
const immediateLocks = {
  request: async (_name: string, _options: unknown, run: () => unknown) => run(),
} as unknown as LockManager

function onlyRequest(requests: RecordedRequest[]): RecordedRequest | undefined {
  expect(requests.map((request) => `${request.method} ${request.path}`)).toHaveLength(1)
  return requests[0]
}

function kitFor(world: World, baseUrl: string, devBrowserJwt?: string) {
  return createClerkFetcher({
    baseUrl,
    getToken: () => world.token,
    getDevBrowserJwt: () => devBrowserJwt,
    fetch: world.recorder.fetch,
  })
}

beforeEach(() => {
  // A loaded Clerk keeps refreshing its session token in the background: on timers, under a lock.
  // Fake timers hold that work until the test ends, when they are dropped with the clock, so no
  // Clerk of one test runs on into the next or past this file's jsdom. The lock is the browser's
  // Web Locks API, which jsdom lacks (clerk-js would otherwise spin on a localStorage lock).
  vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
  Object.defineProperty(navigator, 'locks', { value: immediateLocks, configurable: true })
  vi.stubGlobal('isSecureContext', true)
})
afterEach(() => {
  vi.useRealTimers()
  Reflect.deleteProperty(navigator, 'locks')
  // The recording fetch stays stubbed (each test stubs its own), so nothing can reach the network.
})

describe.each<{ kind: SubjectKind; subject: string }>([
  { kind: 'user', subject: USER_ID },
  { kind: 'team', subject: ORG_ID },
])("the kit's Clerk fetcher sends what clerk-js sends, for a $kind's keys", ({ kind, subject }) => {
  const BASE = 'https://clerk.example.com'
  const as = { subject, subjectKind: kind, signal }

  it('getAll: GET /api_keys at the Frontend API root (no /v1), with the bearer token', async () => {
    const world = await signedIn('production')
    await world.clerk.apiKeys.getAll({ subject, initialPage: 2, pageSize: 5 })
    const official = onlyRequest(world.recorder.take())
    await kitFor(world, BASE).list({ ...as, query: '', page: 2, pageSize: 5 })
    const kit = onlyRequest(world.recorder.take())
    expectSameRequest(official, kit, { query: { ...CLERK_JS_QUERY, ...EMPTY_QUERY } })
    expect(kit?.headers.authorization).toBe(official?.headers.authorization)
  })

  it('getAll with a search', async () => {
    const world = await signedIn('production')
    await world.clerk.apiKeys.getAll({ subject, query: 'prod' })
    const official = onlyRequest(world.recorder.take())
    await kitFor(world, BASE).list({ ...as, query: 'prod', page: 1, pageSize: 10 })
    expectSameRequest(official, onlyRequest(world.recorder.take()), { query: CLERK_JS_QUERY })
  })

  it('create: exactly type, name, subject, description, seconds_until_expiration', async () => {
    const world = await signedIn('production')
    await world.clerk.apiKeys.create({
      name: 'CI runner',
      subject,
      description: 'Deploys from CI',
      secondsUntilExpiration: 2592000,
    })
    const official = onlyRequest(world.recorder.take())
    await kitFor(world, BASE).create({
      ...as,
      name: 'CI runner',
      description: 'Deploys from CI',
      secondsUntilExpiration: 2592000,
      scopes: [],
      claims: null,
    })
    const kit = onlyRequest(world.recorder.take())
    expectSameRequest(official, kit, { query: CLERK_JS_QUERY })
    expect(kit?.headers.authorization).toBe(official?.headers.authorization)
  })

  it('create a key that never expires', async () => {
    const world = await signedIn('production')
    await world.clerk.apiKeys.create({ name: 'Forever', subject, description: 'No end' })
    const official = onlyRequest(world.recorder.take())
    await kitFor(world, BASE).create({
      ...as,
      name: 'Forever',
      description: 'No end',
      secondsUntilExpiration: null,
      scopes: [],
      claims: null,
    })
    expectSameRequest(official, onlyRequest(world.recorder.take()), { query: CLERK_JS_QUERY, body: NEVER_EXPIRES })
  })

  it('revoke: POST /api_keys/{id}/revoke with revocation_reason', async () => {
    const world = await signedIn('production')
    await world.clerk.apiKeys.revoke({ apiKeyID: revoked.id, revocationReason: 'Rotated out' })
    const official = onlyRequest(world.recorder.take())
    await kitFor(world, BASE).revoke({ ...as, apiKeyId: revoked.id, revocationReason: 'Rotated out' })
    expectSameRequest(official, onlyRequest(world.recorder.take()), { query: CLERK_JS_QUERY })
  })
})

describe('on a development instance', () => {
  it('the kit sends __clerk_db_jwt, as clerk-js does, when given the dev browser token', async () => {
    const world = await signedIn('development')
    const BASE = 'https://fine-ant-12.clerk.accounts.dev'
    const kit = kitFor(world, BASE, DEV_BROWSER_JWT)
    await world.clerk.apiKeys.getAll({ subject: USER_ID, query: 'ci' })
    const official = onlyRequest(world.recorder.take())
    expect(official?.query.__clerk_db_jwt).toBe(DEV_BROWSER_JWT)
    await kit.list({ subject: USER_ID, subjectKind: 'user', signal, query: 'ci', page: 1, pageSize: 10 })
    expectSameRequest(official, onlyRequest(world.recorder.take()), { query: CLERK_JS_QUERY })

    await world.clerk.apiKeys.create({
      name: 'Dev key',
      subject: USER_ID,
      description: 'Local',
      secondsUntilExpiration: 3600,
    })
    const officialCreate = onlyRequest(world.recorder.take())
    await kit.create({
      subject: USER_ID,
      subjectKind: 'user',
      signal,
      name: 'Dev key',
      description: 'Local',
      secondsUntilExpiration: 3600,
      scopes: [],
      claims: null,
    })
    expectSameRequest(officialCreate, onlyRequest(world.recorder.take()), { query: CLERK_JS_QUERY })

    await world.clerk.apiKeys.revoke({ apiKeyID: revoked.id, revocationReason: 'Done' })
    const officialRevoke = onlyRequest(world.recorder.take())
    await kit.revoke({ subject: USER_ID, subjectKind: 'user', signal, apiKeyId: revoked.id, revocationReason: 'Done' })
    expectSameRequest(officialRevoke, onlyRequest(world.recorder.take()), { query: CLERK_JS_QUERY })
  })
})
