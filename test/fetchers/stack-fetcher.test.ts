// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStackFetcher, type CreateKeyParams, type ListKeysParams, type SubjectKind } from '../../src/index'
import { fakeFetch, type Exchange } from './fixtures/fake-fetch'
import notFound from './fixtures/stack/error.not-found.json'
import schemaError from './fixtures/stack/error.schema.json'
import {
  TEAM_ID as TEAM,
  USER_ID as USER,
  teamCreated,
  teamList,
  teamRenamed,
  teamRevoked,
  userCreated,
  userList,
  userRenamed,
  userRevoked as revokedKey,
} from './fixtures/stack/keys'
import { rejection } from '../helpers/rejection'

const BASE = 'https://api.stack.example'
const NOW = Date.parse('2026-01-01T00:00:00.000Z')
const STACK_HEADERS = {
  'x-stack-project-id': 'proj_123',
  'x-stack-publishable-client-key': 'pck_abc',
  'x-stack-access-type': 'client',
  'x-stack-access-token': 'token-of-the-user',
}

const signal = new AbortController().signal
const as = (subject: string, subjectKind: SubjectKind) => ({ subject, subjectKind, signal })
const listOf = (
  subject: string,
  subjectKind: SubjectKind,
  overrides: Partial<ListKeysParams> = {},
): ListKeysParams => ({
  ...as(subject, subjectKind),
  query: '',
  page: 1,
  pageSize: 10,
  ...overrides,
})
const createFor = (
  subject: string,
  subjectKind: SubjectKind,
  overrides: Partial<CreateKeyParams> = {},
): CreateKeyParams => ({
  ...as(subject, subjectKind),
  name: 'CI runner',
  description: null,
  secondsUntilExpiration: 30 * 24 * 3600,
  scopes: [],
  claims: null,
  ...overrides,
})

function setup(exchanges: Exchange[], token: string | null = 'token-of-the-user') {
  const fake = fakeFetch(exchanges)
  const fetcher = createStackFetcher({
    baseUrl: `${BASE}/`,
    projectId: 'proj_123',
    publishableClientKey: 'pck_abc',
    getAccessToken: async () => token,
    fetch: fake.fetch,
  })
  return { fetcher, fake }
}

const listUserKeys: Exchange = {
  method: 'GET',
  url: `${BASE}/api/v1/user-api-keys?user_id=me`,
  headers: STACK_HEADERS,
  answer: { json: userList },
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe("createStackFetcher against Stack's REST API (fixtures typed and validated by Stack's own schemas)", () => {
  it("lists the user's keys from /api/v1/user-api-keys?user_id=me with the x-stack-* headers, as the kit's resources", async () => {
    const { fetcher, fake } = setup([listUserKeys])
    const page = await fetcher.list(listOf(USER, 'user'))
    fake.assertDone()
    expect(page.totalCount).toBe(4)
    expect(page.data.map((key) => key.name)).toEqual([
      'Nightly export',
      'Production server',
      'staging server',
      'Old laptop',
    ])
    const [nightly, production, staging, laptop] = page.data
    expect(production).toEqual({
      id: '5d2f8c71-6a4b-4e09-8c1d-7e2f3a4b5c6d',
      type: 'user',
      name: 'Production server',
      subject: USER,
      description: null,
      claims: null,
      scopes: [],
      createdAt: new Date(1740787200000),
      createdBy: null,
      updatedAt: new Date(1740787200000),
      expiration: new Date(4102444800000),
      expired: false,
      revoked: false,
      revokedAt: null,
      revocationReason: null,
      lastUsedAt: null,
      prefix: null,
      lastFour: 'Qx7a',
    })
    expect(nightly).toMatchObject({ expiration: null, expired: false, revoked: false, lastFour: 'Zz90' })
    expect(staging).toMatchObject({ revoked: true, revokedAt: new Date(1739577600000), revocationReason: null })
    expect(laptop).toMatchObject({ expired: true, revoked: false, expiration: new Date(1746057600000) })
    for (const key of page.data) expect(key).not.toHaveProperty('secret')
  })

  it('searches names without regard to case, filters by status and pages on the client', async () => {
    const { fetcher, fake } = setup([listUserKeys, listUserKeys, listUserKeys, listUserKeys])
    const search = await fetcher.list(listOf(USER, 'user', { query: ' SERVER ' }))
    expect(search).toMatchObject({ totalCount: 2, data: [{ name: 'Production server' }, { name: 'staging server' }] })
    const active = await fetcher.list(listOf(USER, 'user', { status: 'active' }))
    expect(active.data.map((key) => key.name)).toEqual(['Nightly export', 'Production server'])
    const expired = await fetcher.list(listOf(USER, 'user', { status: 'expired' }))
    expect(expired.data.map((key) => key.name)).toEqual(['Old laptop'])
    const second = await fetcher.list(listOf(USER, 'user', { page: 2, pageSize: 3 }))
    expect(second).toMatchObject({ totalCount: 4, data: [{ name: 'Old laptop' }] })
    fake.assertDone()
  })

  it("lists a team's keys from /api/v1/team-api-keys?team_id=<team>", async () => {
    const { fetcher, fake } = setup([
      {
        method: 'GET',
        url: `${BASE}/api/v1/team-api-keys?team_id=${TEAM}`,
        headers: STACK_HEADERS,
        answer: { json: teamList },
      },
    ])
    const page = await fetcher.list(listOf(TEAM, 'team'))
    fake.assertDone()
    expect(page.data).toEqual([
      expect.objectContaining({ type: 'team', subject: TEAM, name: 'Team integration service', lastFour: 'T3am' }),
    ])
  })

  it('also reads a list answered as a bare array', async () => {
    const { fetcher } = setup([{ ...listUserKeys, answer: { json: userList.items } }])
    expect((await fetcher.list(listOf(USER, 'user'))).totalCount).toBe(4)
  })

  it('creates a user key with description, expires_at_millis and is_public: false, and answers its secret once', async () => {
    const { fetcher, fake } = setup([
      {
        method: 'POST',
        url: `${BASE}/api/v1/user-api-keys`,
        headers: STACK_HEADERS,
        body: {
          user_id: 'me',
          description: 'CI runner',
          expires_at_millis: NOW + 30 * 24 * 3600 * 1000,
          is_public: false,
        },
        answer: { json: userCreated },
      },
    ])
    const created = await fetcher.create(createFor(USER, 'user'))
    fake.assertDone()
    expect(created).toMatchObject({
      id: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
      name: 'CI runner',
      subject: USER,
      secret: userCreated.value,
      lastFour: userCreated.value.slice(-4),
      expiration: new Date(1769817600000),
      revoked: false,
    })
  })

  it('creates a team key with team_id, and sends expires_at_millis: null for a key that never expires, as Stack requires', async () => {
    const { fetcher, fake } = setup([
      {
        method: 'POST',
        url: `${BASE}/api/v1/team-api-keys`,
        headers: STACK_HEADERS,
        body: { team_id: TEAM, description: 'Warehouse sync', expires_at_millis: null, is_public: false },
        answer: { json: teamCreated },
      },
    ])
    const created = await fetcher.create(
      createFor(TEAM, 'team', { name: 'Warehouse sync', secondsUntilExpiration: null }),
    )
    fake.assertDone()
    expect(created).toMatchObject({ type: 'team', subject: TEAM, expiration: null, secret: teamCreated.value })
  })

  it('revokes a user key with PATCH ?user_id=me { revoked: true } and drops the revocation reason Stack has no field for', async () => {
    const id = revokedKey.id
    const { fetcher, fake } = setup([
      {
        method: 'PATCH',
        url: `${BASE}/api/v1/user-api-keys/${id}?user_id=me`,
        headers: STACK_HEADERS,
        body: { revoked: true },
        answer: { json: revokedKey },
      },
    ])
    const revoked = await fetcher.revoke({ ...as(USER, 'user'), apiKeyId: id, revocationReason: 'Leaked' })
    fake.assertDone()
    expect(revoked).toMatchObject({ id, revoked: true, revokedAt: new Date(1767225600000), revocationReason: null })
  })

  it('revokes a team key with PATCH ?team_id=<team>, which Stack requires on every team-key route', async () => {
    const id = teamRevoked.id
    const { fetcher, fake } = setup([
      {
        method: 'PATCH',
        url: `${BASE}/api/v1/team-api-keys/${id}?team_id=${TEAM}`,
        headers: STACK_HEADERS,
        body: { revoked: true },
        answer: { json: teamRevoked },
      },
    ])
    const revoked = await fetcher.revoke({ ...as(TEAM, 'team'), apiKeyId: id, revocationReason: null })
    fake.assertDone()
    expect(revoked).toMatchObject({
      id,
      type: 'team',
      subject: TEAM,
      revoked: true,
      revokedAt: new Date(1767225600000),
    })
  })

  it('renames a team key with PATCH ?team_id=<team> { description }, and has no roll', async () => {
    const id = teamRenamed.id
    const { fetcher, fake } = setup([
      {
        method: 'PATCH',
        url: `${BASE}/api/v1/team-api-keys/${id}?team_id=${TEAM}`,
        headers: STACK_HEADERS,
        body: { description: 'Team integration (eu-west)' },
        answer: { json: teamRenamed },
      },
    ])
    const key = await fetcher.update({ ...as(TEAM, 'team'), apiKeyId: id, name: 'Team integration (eu-west)' })
    fake.assertDone()
    expect(key).toMatchObject({ name: 'Team integration (eu-west)', subject: TEAM })
    expect('roll' in fetcher).toBe(false)
  })

  it('renames a user key with PATCH ?user_id=me, and reads a key with GET ?team_id= / ?user_id=me when there is no new name', async () => {
    const { fetcher, fake } = setup([
      {
        method: 'PATCH',
        url: `${BASE}/api/v1/user-api-keys/${userRenamed.id}?user_id=me`,
        body: { description: 'Production (eu-west)' },
        answer: { json: userRenamed },
      },
      {
        method: 'GET',
        url: `${BASE}/api/v1/team-api-keys/${teamRenamed.id}?team_id=${TEAM}`,
        answer: { json: teamRenamed },
      },
      {
        method: 'GET',
        url: `${BASE}/api/v1/user-api-keys/${userRenamed.id}?user_id=me`,
        answer: { json: userRenamed },
      },
    ])
    expect(
      await fetcher.update({ ...as(USER, 'user'), apiKeyId: userRenamed.id, name: 'Production (eu-west)' }),
    ).toMatchObject({ name: 'Production (eu-west)' })
    // No new name and no description with text: the key as it is. (A cleared description is no change.)
    expect(await fetcher.update({ ...as(TEAM, 'team'), apiKeyId: teamRenamed.id, description: '' })).toMatchObject({
      subject: TEAM,
    })
    expect(await fetcher.update({ ...as(USER, 'user'), apiKeyId: userRenamed.id })).toMatchObject({ subject: USER })
    fake.assertDone()
  })

  it('says it stores no scopes and no description, and refuses a create with scopes, claims or a description before any request', async () => {
    const { fetcher, fake } = setup([])
    expect(fetcher.supports).toEqual({ scopes: false, description: false })
    const described = await rejection(fetcher.create(createFor(USER, 'user', { description: 'Nightly jobs' })))
    expect(described).toMatchObject({ code: 'invalid_input', issues: [{ field: 'description', reason: 'invalid' }] })
    const scoped = await rejection(fetcher.create(createFor(USER, 'user', { scopes: ['reports:read'] })))
    expect(scoped).toMatchObject({ code: 'invalid_input', issues: [{ field: 'scopes', reason: 'invalid' }] })
    const claimed = await rejection(fetcher.create(createFor(USER, 'user', { claims: { tier: 1 } })))
    expect(claimed).toMatchObject({ code: 'invalid_input', issues: [{ field: 'claims', reason: 'invalid' }] })
    expect(fake.calls).toEqual([])
  })

  it('refuses an update that brings a description before any request: Stack has no field to keep it in', async () => {
    const { fetcher, fake } = setup([])
    const refused = await rejection(
      fetcher.update({ ...as(USER, 'user'), apiKeyId: userRenamed.id, name: 'Renamed', description: 'Nightly jobs' }),
    )
    expect(refused).toMatchObject({ code: 'invalid_input', issues: [{ field: 'description', reason: 'invalid' }] })
    expect(fake.calls).toEqual([])
  })

  it("reads a time of 0 as unset, as Stack's SDK does", async () => {
    const [first] = userList.items
    const { fetcher } = setup([
      {
        ...listUserKeys,
        answer: {
          json: { items: [{ ...first, expires_at_millis: 0, manually_revoked_at_millis: 0 }], is_paginated: false },
        },
      },
    ])
    const [key] = (await fetcher.list(listOf(USER, 'user'))).data
    expect(key).toMatchObject({ expiration: null, expired: false, revoked: false, revokedAt: null })
  })

  it("maps Stack's errors by status, never showing their body", async () => {
    const { fetcher } = setup([
      {
        ...listUserKeys,
        answer: { status: 404, json: notFound, headers: { 'x-stack-known-error': 'API_KEY_NOT_FOUND' } },
      },
      { ...listUserKeys, answer: { status: 400, json: schemaError } },
      { ...listUserKeys, answer: { status: 401, json: { code: 'INVALID_ACCESS_TOKEN', error: 'bad token' } } },
      { ...listUserKeys, answer: { status: 429, text: 'slow down', headers: { 'retry-after': '12' } } },
      { ...listUserKeys, answer: { status: 502, text: '<html>bad gateway</html>' } },
    ])
    const errors = [
      await rejection(fetcher.list(listOf(USER, 'user'))),
      await rejection(fetcher.list(listOf(USER, 'user'))),
      await rejection(fetcher.list(listOf(USER, 'user'))),
      await rejection(fetcher.list(listOf(USER, 'user'))),
      await rejection(fetcher.list(listOf(USER, 'user'))),
    ]
    expect(errors.map(({ code, status }) => ({ code, status }))).toEqual([
      { code: 'not_found', status: 404 },
      { code: 'invalid_input', status: 400 },
      { code: 'unauthenticated', status: 401 },
      { code: 'rate_limited', status: 429 },
      { code: 'unknown', status: 502 },
    ])
    expect(errors[3]?.retryAfterSeconds).toBe(12)
    const shown = errors.map((error) => error.message).join('\n')
    expect(shown).not.toContain('stack_sk_')
    expect(shown).not.toContain('body.description')
    expect(shown).not.toContain('<html>')
  })

  it('sends no request and answers unauthenticated while nobody is signed in', async () => {
    const { fetcher, fake } = setup([], null)
    expect(await rejection(fetcher.list(listOf(USER, 'user')))).toMatchObject({ code: 'unauthenticated', status: 401 })
    expect(fake.calls).toEqual([])
  })

  it('rejects an answer that does not have the documented shape, without echoing it', async () => {
    const { fetcher } = setup([{ ...listUserKeys, answer: { json: { items: [{ id: 'x', description: 'y' }] } } }])
    const error = await rejection(fetcher.list(listOf(USER, 'user')))
    expect(error).toMatchObject({ code: 'unknown', status: 502 })
    expect(error.message).toContain('created_at_millis')
  })
})
