// @vitest-environment node
import type { ApiKeysCaller } from '../../src/server/http/caller'
import { createMemoryStore } from '../../src/server/stores/memory-store'
import { httpSetup } from './http-helpers'

const JSON_TYPE = { 'content-type': 'application/json' }
const MANAGE = '$manage_api_keys'

/** Bob is a user whose id is `bob`; Alice manages a team whose id is also `bob`. */
const PEOPLE: Record<string, ApiKeysCaller> = {
  bob: { userId: 'bob' },
  alice: { userId: 'alice', teams: [{ id: 'bob', permissions: [MANAGE] }] },
}

// The stores keep owners apart alike (test/server/store-contract.ts); this is the handler's part.
describe('a team named like a user, over HTTP', () => {
  it('never gives the team’s managers the user’s keys, nor the user the team’s', async () => {
    const store = createMemoryStore()
    const { call, errors } = httpSetup(store, {
      authenticate: (request) => PEOPLE[request.headers.get('x-test-user') ?? ''] ?? null,
    })
    const as = (who: 'alice' | 'bob') => ({ 'x-test-user': who })

    const bobsOwn = await call('POST', '/api-keys', { headers: as('bob'), json: { name: 'Prod' } })
    expect(bobsOwn.status).toBe(201)
    expect(bobsOwn.body).toMatchObject({ subject: 'bob', subjectKind: 'user' })
    const bobsId = bobsOwn.body.id as string

    // Alice names the subject `bob`: she reaches the team `bob` (empty), never the user's keys.
    const teamList = await call('GET', '/api-keys?subject=bob', { headers: as('alice') })
    expect(teamList.status).toBe(200)
    expect(teamList.body).toEqual({ data: [], totalCount: 0 })
    expect(
      (await call('GET', '/api-keys?subject=bob&subjectKind=team', { headers: as('alice') })).body.totalCount,
    ).toBe(0)
    expect((await call('GET', '/api-keys?subject=bob&subjectKind=user', { headers: as('alice') })).status).toBe(404)
    const userCreate = { headers: as('alice'), json: { subject: 'bob', subjectKind: 'user', name: 'planted' } }
    expect((await call('POST', '/api-keys', userCreate)).status).toBe(404)
    for (const [method, path, json] of [
      ['GET', `/api-keys/${bobsId}`, undefined],
      ['PATCH', `/api-keys/${bobsId}`, { name: 'mine now' }],
      ['POST', `/api-keys/${bobsId}/revoke`, {}],
      ['POST', `/api-keys/${bobsId}/roll`, { gracePeriodSeconds: 0 }],
    ] as const) {
      const answer = await call(method, path, {
        headers: { ...as('alice'), ...JSON_TYPE },
        ...(json === undefined ? {} : { json }),
      })
      expect(answer.status, `${method} ${path}`).toBe(404)
    }

    // The team's own key, of the same name, is the team's: Alice manages it, Bob does not see it.
    const teamKey = await call('POST', '/api-keys', { headers: as('alice'), json: { subject: 'bob', name: 'Prod' } })
    expect(teamKey.status).toBe(201)
    expect(teamKey.body).toMatchObject({ subject: 'bob', subjectKind: 'team', createdBy: 'alice' })
    expect((await call('GET', `/api-keys/${teamKey.body.id as string}`, { headers: as('bob') })).status).toBe(404)
    const bobsList = await call('GET', '/api-keys', { headers: as('bob') })
    expect((bobsList.body.data as { id: string }[]).map((key) => key.id)).toEqual([bobsId])
    expect((await call('GET', `/api-keys/${bobsId}`, { headers: as('bob') })).body).toMatchObject({
      name: 'Prod',
      revoked: false,
    })
    expect(errors).toEqual([])
  })
})

describe('what authenticate returns is checked, never trusted as it comes', () => {
  const teamKeyOf = async (caller: unknown) => {
    const setup = httpSetup(createMemoryStore(), {
      authenticate: (request) =>
        request.headers.get('x-test-user') === 'owner'
          ? { userId: 'owner', teams: [{ id: 'team_x', permissions: [MANAGE] }] }
          : (caller as ApiKeysCaller),
    })
    const created = await setup.call('POST', '/api-keys', {
      headers: { 'x-test-user': 'owner' },
      json: { subject: 'team_x', subjectKind: 'team', name: 'team key' },
    })
    expect(created.status).toBe(201)
    return { ...setup, keyId: created.body.id as string }
  }

  it('refuses permissions given as a string (a JWT scope claim): 500, told to onError, nothing granted', async () => {
    const { call, errors, keyId, service } = await teamKeyOf({
      userId: 'mallory',
      teams: [{ id: 'team_x', permissions: 'keys:read $manage_api_keys_denied' }],
    })
    const listed = await call('GET', '/api-keys?subject=team_x&subjectKind=team')
    expect(listed.status).toBe(500)
    expect(listed.text).not.toContain('team key')
    const revoked = await call('POST', `/api-keys/${keyId}/revoke`, { json: {} })
    expect(revoked.status).toBe(500)
    expect((await service.get({ apiKeyId: keyId })).revoked).toBe(false)
    expect(errors).toHaveLength(2)
    expect(String(errors[0])).toContain('teams[0].permissions must be an array of strings')
  })

  it.each([
    ['a string', 'alice', 'the caller'],
    ['undefined', undefined, 'the caller'],
    ['an empty userId', { userId: '' }, 'userId'],
    ['a numeric userId', { userId: 7 }, 'userId'],
    ['teams as an object', { userId: 'u', teams: { id: 'team_x', permissions: [MANAGE] } }, 'teams must'],
    ['a team without an id', { userId: 'u', teams: [{ permissions: [MANAGE] }] }, 'teams[0].id'],
    [
      'a permission that is not a string',
      { userId: 'u', teams: [{ id: 'team_x', permissions: [[MANAGE]] }] },
      'teams[0].permissions',
    ],
  ])('refuses a caller with %s, naming the field', async (_label, caller, field) => {
    const { call, errors } = await teamKeyOf(caller)
    const answer = await call('GET', '/api-keys?subject=team_x&subjectKind=team')
    expect(answer.status).toBe(500)
    expect(answer.body).toMatchObject({ code: 'unknown' })
    expect(errors).toHaveLength(1)
    expect(String(errors[0])).toContain(field)
  })

  it('still matches a permission only as a whole string', async () => {
    const { call } = await teamKeyOf({
      userId: 'u',
      teams: [{ id: 'team_x', permissions: ['$manage_api_keys_denied', 'read'] }],
    })
    expect((await call('GET', '/api-keys?subject=team_x&subjectKind=team')).status).toBe(404)
  })
})
