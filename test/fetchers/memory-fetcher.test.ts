import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiKeysError, createMemoryFetcher, isWellFormedApiKey, type ListKeysParams } from '../../src/index'
import { DAY, ORG, USER, seedKeys } from '../helpers/kit'
import { rejection } from '../helpers/rejection'

// The rules of keys (order, search, conflicts, revoke twice, roll...) are the fetcher contract's
// (contract.test.ts runs it on this fetcher); these are what only the memory backend adds: seeds,
// its clock, who it records as a key's creator and revoker, latency, failures on demand, call counts
// and `touch`.

const signal = new AbortController().signal
const user = { subject: USER, subjectKind: 'user' as const, signal }
const team = { subject: ORG, subjectKind: 'team' as const, signal }
const list = (overrides: Partial<ListKeysParams> = {}): ListKeysParams => ({
  ...user,
  query: '',
  page: 1,
  pageSize: 10,
  ...overrides,
})
const create = (name: string, extra: Partial<{ secondsUntilExpiration: number | null }> = {}) => ({
  ...user,
  name,
  description: null,
  secondsUntilExpiration: null,
  scopes: [],
  claims: null,
  ...extra,
})

afterEach(() => {
  vi.useRealTimers()
})

describe('createMemoryFetcher', () => {
  it('issues secrets of the kit’s format, with the prefix asked for', async () => {
    const fetcher = createMemoryFetcher({ prefix: 'sk_test_' })
    const created = await fetcher.create(create('Deploy'))
    expect(isWellFormedApiKey(created.secret, { prefix: 'sk_test_' })).toBe(true)
    expect(created).toMatchObject({ prefix: 'sk_test_', createdBy: USER, subjectKind: 'user' })
  })

  it('starts with seed keys as given, listed newest first by their creation date', async () => {
    const now = Date.UTC(2026, 0, 10)
    const fetcher = createMemoryFetcher({
      now: () => now,
      seed: [
        { name: 'Middle', subject: USER, createdAt: new Date(now - 2 * DAY), lastUsedAt: new Date(now - DAY) },
        {
          name: 'Oldest',
          subject: USER,
          createdAt: new Date(now - 9 * DAY),
          revokedAt: new Date(now - 3 * DAY),
          revocationReason: 'Rotated',
        },
        { name: 'Newest', subject: USER, createdAt: new Date(now - DAY), expiration: new Date(now - 1000) },
        { name: 'Team key', subject: ORG, subjectKind: 'team' },
      ],
    })
    const page = await fetcher.list(list())
    expect(page.data.map((key) => key.name)).toEqual(['Newest', 'Middle', 'Oldest'])
    expect(page.data[0]).toMatchObject({ expired: true, revoked: false })
    expect(page.data[1]?.lastUsedAt).toEqual(new Date(now - DAY))
    expect(page.data[2]).toMatchObject({
      revoked: true,
      revocationReason: 'Rotated',
      revokedAt: new Date(now - 3 * DAY),
    })
    const team = await fetcher.list(list({ subject: ORG, subjectKind: 'team' }))
    expect(team.data.map((key) => key.name)).toEqual(['Team key'])
    expect((await fetcher.list(list({ subject: ORG }))).totalCount).toBe(0)
  })

  it('refuses seeds that break the server’s rules: two active keys of one name', async () => {
    const fetcher = createMemoryFetcher({
      seed: [
        { name: 'café', subject: USER },
        { name: 'CAFE\u0301', subject: USER },
      ],
    })
    expect(await rejection(fetcher.list(list()))).toMatchObject({ code: 'conflict' })
  })

  it('records its userId as who creates and revokes a key, a team’s too; without it, only a user’s owner', async () => {
    const fetcher = createMemoryFetcher({ userId: 'user_a' })
    const teamKey = await fetcher.create({ ...create('Team deploy'), ...team })
    expect(teamKey).toMatchObject({ subject: ORG, subjectKind: 'team', createdBy: 'user_a' })
    const revoked = await fetcher.revoke({ ...team, apiKeyId: teamKey.id, revocationReason: null })
    expect(revoked).toMatchObject({ revoked: true, createdBy: 'user_a', revokedBy: 'user_a' })
    // The option names who acts, whoever owns the key.
    const userKey = await fetcher.create(create('Own'))
    expect(userKey.createdBy).toBe('user_a')
    expect((await fetcher.revoke({ ...user, apiKeyId: userKey.id, revocationReason: null })).revokedBy).toBe('user_a')

    // Without it, the owner of a user's key acts on it, and who acts on a team's is not known.
    const plain = createMemoryFetcher()
    const ownKey = await plain.create(create('Own'))
    expect(ownKey.createdBy).toBe(USER)
    expect((await plain.revoke({ ...user, apiKeyId: ownKey.id, revocationReason: null })).revokedBy).toBe(USER)
    const unknownKey = await plain.create({ ...create('Team deploy'), ...team })
    expect(unknownKey.createdBy).toBeNull()
    const unknownRevoked = await plain.revoke({ ...team, apiKeyId: unknownKey.id, revocationReason: null })
    expect(unknownRevoked.revoked).toBe(true)
    expect(unknownRevoked).not.toHaveProperty('revokedBy')
  })

  it('keeps the creator of a rolled team key on its replacement, as the server does', async () => {
    const creator = createMemoryFetcher({ userId: 'user_a' })
    const teamKey = await creator.create({ ...create('Team deploy'), ...team })
    const rolled = await creator.roll({ ...team, apiKeyId: teamKey.id, gracePeriodSeconds: 0 })
    expect(rolled.replacement).toMatchObject({ name: 'Team deploy', subjectKind: 'team', createdBy: 'user_a' })
    // Whoever rolls it: a seeded team key created by someone else keeps them.
    const other = createMemoryFetcher({
      userId: 'user_a',
      seed: [{ id: 'team_key', name: 'CI', subject: ORG, subjectKind: 'team', createdBy: 'user_b' }],
    })
    const replaced = await other.roll({ ...team, apiKeyId: 'team_key', gracePeriodSeconds: 0 })
    expect(replaced.replacement.createdBy).toBe('user_b')
  })

  it('judges expiry by its clock', async () => {
    let now = Date.UTC(2026, 0, 1)
    const fetcher = createMemoryFetcher({ now: () => now })
    const key = await fetcher.create(create('Short', { secondsUntilExpiration: 60 }))
    expect(key.expiration).toEqual(new Date(now + 60_000))
    expect((await fetcher.list(list({ status: 'expired' }))).totalCount).toBe(0)
    now += 60_000
    expect((await fetcher.list(list({ status: 'expired' }))).data.map((one) => one.id)).toEqual([key.id])
  })

  it('filters by hygiene finding at its clock, over every key, and says it does', async () => {
    let now = Date.UTC(2026, 6, 1)
    const fetcher = createMemoryFetcher({
      now: () => now,
      seed: [
        { name: 'Old', subject: USER, createdAt: new Date(now - 91 * DAY) },
        { name: 'Used', subject: USER, createdAt: new Date(now - 91 * DAY), lastUsedAt: new Date(now - DAY) },
        { name: 'Soon', subject: USER, createdAt: new Date(now - DAY), expiration: new Date(now + 3 * DAY) },
      ],
    })
    expect(fetcher.supports).toEqual({ hygiene: true })
    const found = async (hygiene: 'unused' | 'expiring-this-week'): Promise<[string[], number]> => {
      const page = await fetcher.list(list({ hygiene, pageSize: 1 }))
      return [page.data.map((key) => key.name), page.totalCount]
    }
    expect(await found('unused')).toEqual([['Old'], 1])
    expect(await found('expiring-this-week')).toEqual([['Soon'], 1])
    now += 4 * DAY // Soon has expired: no longer a finding
    expect(await found('expiring-this-week')).toEqual([[], 0])
  })

  it('marks a key used on touch', async () => {
    const now = Date.UTC(2026, 0, 1)
    const fetcher = createMemoryFetcher({ seed: seedKeys(USER, 1), now: () => now })
    const [key] = (await fetcher.list(list())).data
    expect(key?.lastUsedAt).toBeNull()
    await fetcher.touch(key?.id ?? '')
    expect((await fetcher.list(list())).data[0]?.lastUsedAt).toEqual(new Date(now))
  })

  it('waits the simulated latency, and can be cancelled while it waits', async () => {
    vi.useFakeTimers()
    const fetcher = createMemoryFetcher({ latencyMs: 500 })
    let settled = false
    const pending = fetcher.list(list()).then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(499)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await pending
    expect(settled).toBe(true)
    const controller = new AbortController()
    const cancelled = fetcher.create({ ...create('Never'), signal: controller.signal })
    controller.abort()
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' })
    vi.useRealTimers()
    fetcher.setLatency(0)
    expect((await fetcher.list(list())).totalCount).toBe(0)
  })

  it('answers a list as the keys were when it arrived, after the latency', async () => {
    vi.useFakeTimers()
    const fetcher = createMemoryFetcher({ latencyMs: 100 })
    const before = fetcher.list(list())
    fetcher.setLatency(0)
    await fetcher.create(create('Later'))
    await vi.advanceTimersByTimeAsync(100)
    expect((await before).totalCount).toBe(0)
  })

  it('fails the next calls on demand, for the methods chosen', async () => {
    const fetcher = createMemoryFetcher()
    fetcher.failNext('rate_limited', { times: 2, methods: ['create'] })
    expect((await fetcher.list(list())).totalCount).toBe(0)
    expect((await rejection(fetcher.create(create('a')))).code).toBe('rate_limited')
    expect((await rejection(fetcher.create(create('a')))).code).toBe('rate_limited')
    expect((await fetcher.create(create('a'))).name).toBe('a')
    fetcher.failNext(new ApiKeysError('forbidden', 'Quota reached'))
    expect(await rejection(fetcher.list(list()))).toMatchObject({ code: 'forbidden', message: 'Quota reached' })
    expect(fetcher.calls).toMatchObject({ list: 2, create: 3 })
  })
})
