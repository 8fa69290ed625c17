// @vitest-environment node
/**
 * Stack's own SDK (`@stackframe/js`, signed in with a token store) and the kit's Stack fetcher run the
 * same API-key operations on one recording `fetch`; each kit request must match the SDK's.
 */
import { StackClientApp } from '@stackframe/js'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStackFetcher, type SubjectKind } from '../../../src/index'
import { TEAM_ID, USER_ID } from '../fixtures/stack/keys'
import { expectSameRequest, type Deliberate } from './compare'
import { createRecorder, type Recorder, type RecordedRequest } from './recorder'
import { PROJECT_ID, PUBLISHABLE_KEY, STACK_BASE, stackAccessToken, stackBackend } from './stack-backend'

const NOW = Date.parse('2026-01-01T00:00:00.000Z')
const THIRTY_DAYS = 30 * 24 * 3600
const signal = new AbortController().signal

/** The kit always says `is_public: false`; the SDK leaves the field out unless asked. */
const IS_PUBLIC: Deliberate['body'] = {
  is_public: {
    kit: false,
    why: 'the SDK leaves is_public out unless asked, and Stack creates a missing is_public as false',
  },
}
/** A user key's PATCH names its owner `me`; the SDK repeats the key's `user_id`. */
const USER_ID_ME: Deliberate['query'] = {
  user_id: {
    kit: 'me',
    why: "the SDK repeats the key's user_id; a client token reaches only its own user's keys, and Stack reads me as that user",
  },
}

let recorder: Recorder

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] })
  recorder = createRecorder(stackBackend)
  vi.stubGlobal('fetch', recorder.fetch)
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

async function signedIn() {
  const accessToken = stackAccessToken(NOW)
  const app = new StackClientApp({
    projectId: PROJECT_ID,
    publishableClientKey: PUBLISHABLE_KEY,
    baseUrl: STACK_BASE,
    tokenStore: { accessToken, refreshToken: 'refresh-token' },
  })
  const user = await app.getUser({ or: 'throw' })
  const team = await user.getTeam(TEAM_ID)
  if (!team) throw new Error('the stub backend lists the team')
  const kit = createStackFetcher({
    baseUrl: STACK_BASE,
    projectId: PROJECT_ID,
    publishableClientKey: PUBLISHABLE_KEY,
    getAccessToken: () => accessToken,
    fetch: recorder.fetch,
  })
  recorder.take()
  return { user, team, kit }
}

/** The SDK's request of one operation: its first one (after a change it re-reads the list, which the kit's hooks do themselves). */
function officialRequest(requests: RecordedRequest[]): RecordedRequest | undefined {
  const [first, ...rest] = requests
  for (const next of rest)
    expect(`${next.method} ${next.path}`, 'the SDK re-reads the list after a change').toMatch(
      /^GET \/api\/v1\/(user|team)-api-keys$/,
    )
  return first
}

function onlyRequest(requests: RecordedRequest[]): RecordedRequest | undefined {
  expect(requests).toHaveLength(1)
  return requests[0]
}

/** The same headers, in the two spellings: Stack's backend reads `x-stack-*` and `x-hexclave-*` alike. */
function expectSameStackHeaders(official: RecordedRequest | undefined, kit: RecordedRequest | undefined): void {
  for (const name of ['project-id', 'publishable-client-key', 'access-type', 'access-token']) {
    expect(kit?.headers[`x-stack-${name}`], name).toBe(official?.headers[`x-hexclave-${name}`])
  }
}

describe.each<{ kind: SubjectKind; subject: string }>([
  { kind: 'user', subject: USER_ID },
  { kind: 'team', subject: TEAM_ID },
])("the kit's Stack fetcher sends what Stack's own SDK sends, for a $kind's keys", ({ kind, subject }) => {
  const owner = (world: Awaited<ReturnType<typeof signedIn>>) => (kind === 'user' ? world.user : world.team)
  const as = { subject, subjectKind: kind, signal }
  const ownerDifference: Deliberate['query'] = kind === 'user' ? USER_ID_ME : {}

  it('lists keys', async () => {
    const world = await signedIn()
    await owner(world).listApiKeys()
    const official = onlyRequest(recorder.take())
    await world.kit.list({ ...as, query: '', page: 1, pageSize: 10 })
    const kit = onlyRequest(recorder.take())
    expectSameRequest(official, kit)
    expectSameStackHeaders(official, kit)
  })

  it('creates a key that expires', async () => {
    const world = await signedIn()
    await owner(world).createApiKey({ description: 'CI runner', expiresAt: new Date(NOW + THIRTY_DAYS * 1000) })
    const official = officialRequest(recorder.take())
    await world.kit.create({
      ...as,
      name: 'CI runner',
      description: null,
      secondsUntilExpiration: THIRTY_DAYS,
      scopes: [],
      claims: null,
    })
    const kit = onlyRequest(recorder.take())
    expectSameRequest(official, kit, { body: IS_PUBLIC })
    expectSameStackHeaders(official, kit)
  })

  it('creates a key that never expires (expires_at_millis: null)', async () => {
    const world = await signedIn()
    await owner(world).createApiKey({ description: 'Warehouse sync', expiresAt: null })
    const official = officialRequest(recorder.take())
    expect(official?.body).toMatchObject({ expires_at_millis: null })
    await world.kit.create({
      ...as,
      name: 'Warehouse sync',
      description: null,
      secondsUntilExpiration: null,
      scopes: [],
      claims: null,
    })
    const kit = onlyRequest(recorder.take())
    expectSameRequest(official, kit, { body: IS_PUBLIC })
  })

  it('revokes a key', async () => {
    const world = await signedIn()
    const [key] = await owner(world).listApiKeys()
    recorder.take()
    if (!key) throw new Error('the stub backend lists a key')
    await key.revoke()
    const official = officialRequest(recorder.take())
    await world.kit.revoke({ ...as, apiKeyId: key.id, revocationReason: null })
    const kit = onlyRequest(recorder.take())
    expectSameRequest(official, kit, { query: ownerDifference })
    expectSameStackHeaders(official, kit)
  })

  it('renames a key', async () => {
    const world = await signedIn()
    const [key] = await owner(world).listApiKeys()
    recorder.take()
    if (!key) throw new Error('the stub backend lists a key')
    await key.update({ description: 'Renamed' })
    const official = officialRequest(recorder.take())
    await world.kit.update({ ...as, apiKeyId: key.id, name: 'Renamed' })
    const kit = onlyRequest(recorder.take())
    expectSameRequest(official, kit, { query: ownerDifference })
  })
})
