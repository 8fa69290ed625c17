import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiKeysError, createMemoryFetcher, isWellFormedApiKey, type ListKeysParams } from '../../src/index'
import { DAY, ORG, USER, seedKeys } from '../helpers/kit'
import { rejection } from '../helpers/rejection'

const signal = new AbortController().signal
const user = { subject: USER, subjectKind: 'user' as const, signal }
const list = (overrides: Partial<ListKeysParams> = {}): ListKeysParams => ({
  ...user,
  query: '',
  page: 1,
  pageSize: 10,
  ...overrides,
})
const create = (name: string, extra: Partial<{ secondsUntilExpiration: number | null; subject: string }> = {}) => ({
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
  it('returns the secret once, in the create result, and only its last four characters afterwards', async () => {
    const fetcher = createMemoryFetcher()
    const created = await fetcher.create(create('Deploy'))
    expect(isWellFormedApiKey(created.secret)).toBe(true)
    expect(created.lastFour).toBe(created.secret.slice(-4))
    const listed = await fetcher.list(list())
    expect(listed.data[0]).not.toHaveProperty('secret')
    expect(JSON.stringify(listed)).not.toContain(created.secret)
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(3, -4))
  })

  it('lists newest first with paging and the total count', async () => {
    const fetcher = createMemoryFetcher({ seed: seedKeys(USER, 25) })
    const first = await fetcher.list(list())
    expect(first.totalCount).toBe(25)
    expect(first.data.map((key) => key.name).slice(0, 2)).toEqual(['Key 25', 'Key 24'])
    const last = await fetcher.list(list({ page: 3 }))
    expect(last.data.map((key) => key.name)).toEqual(['Key 5', 'Key 4', 'Key 3', 'Key 2', 'Key 1'])
    const created = await fetcher.create(create('Newest'))
    expect((await fetcher.list(list())).data[0]?.id).toBe(created.id)
  })

  it('searches names without regard to case, and keeps subjects apart', async () => {
    const fetcher = createMemoryFetcher({
      seed: [
        { name: 'Production API', subject: USER },
        { name: 'staging api', subject: USER },
        { name: 'Billing', subject: USER },
        { name: 'Production API', subject: ORG },
      ],
    })
    const found = await fetcher.list(list({ query: 'API' }))
    expect(found.data.map((key) => key.name).sort()).toEqual(['Production API', 'staging api'])
    expect(found.totalCount).toBe(2)
    expect((await fetcher.list(list({ subject: ORG }))).totalCount).toBe(1)
  })

  it('computes expiry from the clock and filters by status', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) })
    const fetcher = createMemoryFetcher()
    await fetcher.create(create('Short', { secondsUntilExpiration: 60 }))
    const revoked = await fetcher.create(create('Gone'))
    await fetcher.revoke({ ...user, apiKeyId: revoked.id, revocationReason: null })
    await fetcher.create(create('Forever'))
    expect((await fetcher.list(list({ status: 'expired' }))).totalCount).toBe(0)
    vi.advanceTimersByTime(60_000)
    const expired = await fetcher.list(list({ status: 'expired' }))
    expect(expired.data.map((key) => [key.name, key.expired])).toEqual([['Short', true]])
    expect((await fetcher.list(list({ status: 'revoked' }))).data.map((key) => key.name)).toEqual(['Gone'])
    expect((await fetcher.list(list({ status: 'active' }))).data.map((key) => key.name)).toEqual(['Forever'])
  })

  it('keeps the first time and reason when a key is revoked twice', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) })
    const fetcher = createMemoryFetcher()
    const key = await fetcher.create(create('Twice'))
    const first = await fetcher.revoke({ ...user, apiKeyId: key.id, revocationReason: 'leaked' })
    vi.advanceTimersByTime(DAY)
    const second = await fetcher.revoke({ ...user, apiKeyId: key.id, revocationReason: 'other' })
    expect(second.revocationReason).toBe('leaked')
    expect(second.revokedAt).toEqual(first.revokedAt)
  })

  it('refuses a second active key with the same name for one subject, but not after a revoke', async () => {
    const fetcher = createMemoryFetcher()
    const key = await fetcher.create(create('CI'))
    expect((await rejection(fetcher.create(create('ci')))).code).toBe('conflict')
    expect((await fetcher.create(create('CI', { subject: ORG }))).name).toBe('CI')
    await fetcher.revoke({ ...user, apiKeyId: key.id, revocationReason: null })
    expect((await fetcher.create(create('CI'))).name).toBe('CI')
  })

  it('refuses invalid input and unknown keys with the kit error codes', async () => {
    const fetcher = createMemoryFetcher()
    expect((await rejection(fetcher.create(create('  ')))).code).toBe('invalid_input')
    expect((await rejection(fetcher.revoke({ ...user, apiKeyId: 'nope', revocationReason: null }))).code).toBe(
      'not_found',
    )
    const theirs = await fetcher.create(create('Theirs', { subject: ORG }))
    expect((await rejection(fetcher.revoke({ ...user, apiKeyId: theirs.id, revocationReason: null }))).code).toBe(
      'not_found',
    )
  })

  it('renames keys and describes them', async () => {
    const fetcher = createMemoryFetcher()
    const key = await fetcher.create(create('Old'))
    const updated = await fetcher.update({ ...user, apiKeyId: key.id, name: 'New', description: 'For CI' })
    expect(updated).toMatchObject({ name: 'New', description: 'For CI' })
  })

  it('rolls a key: a new secret with the same name and scopes, the old one expiring after the grace period', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) })
    const fetcher = createMemoryFetcher()
    const old = await fetcher.create({ ...create('Rolled'), scopes: ['read'] })
    const { replacement, previous } = await fetcher.roll({ ...user, apiKeyId: old.id, gracePeriodSeconds: 3600 })
    expect(replacement).toMatchObject({ name: 'Rolled', scopes: ['read'], subject: USER })
    expect(replacement.secret).not.toBe(old.secret)
    expect(previous.expiration?.getTime()).toBe(Date.UTC(2026, 0, 1, 1))
    vi.advanceTimersByTime(3600_000)
    const listed = await fetcher.list(list({ status: 'expired' }))
    expect(listed.data.map((key) => key.id)).toEqual([old.id])
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
    const cancelled = fetcher.list(list({ signal: controller.signal }))
    controller.abort()
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' })
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
