import { randomBase62 } from '../../src/core/base62'
import { HYGIENE_FILTERS, matchesHygiene, UNUSED_AFTER_MS, type HygieneFilter } from '../../src/core/key-hygiene'
import { EXPIRES_SOON_MS, matchesStatusFilter } from '../../src/core/key-status'
import type { APIKeyStatusFilter } from '../../src/core/types'
import { nameKeyOf } from '../../src/server/service/name-key'
import { toResource } from '../../src/server/service/resource'
import type { ApiKeyStore, NewApiKeyRecord, StoredApiKey, SubjectRef } from '../../src/server/stores/types'
import { storeRecord } from './store-record'

const SECOND = 1000
const DAY = 24 * 60 * 60 * SECOND
/** The moment every list is judged at; each key sits at a boundary of a rule relative to it. */
const NOW = Date.parse('2030-06-01T00:00:00.000Z')
const at = (offsetMs: number): Date => new Date(NOW + offsetMs)

/** The keys each finding must return, by name, whatever the store (the core rule is the oracle too). */
const EXPECTED: Record<HygieneFilter, string[]> = {
  'expiring-this-week': ['unused and expiring', 'expires in 1 s', 'expires in 7 d - 1 s'],
  unused: ['unused and expiring', 'used 91 d ago', 'never used, made 90 d + 1 ms ago', 'never used, made 91 d ago'],
}

/**
 * The hygiene filter of `ListKeysQuery`, checked against the core rule `matchesHygiene` on keys at
 * each boundary of the rule: a store that is off by one millisecond, or forgets revoked, expired or
 * rolled keys, answers a different set or count. Registered inside the store contract.
 */
export function describeHygieneFilter(store: () => ApiKeyStore): void {
  function record(owner: SubjectRef, name: string, createdAt: Date, expiration: Date | null): NewApiKeyRecord {
    return storeRecord(owner, { name, createdAt, expiration, createdBy: null, lastFour: randomBase62(4) })
  }

  /** Seeds one owner's boundary keys (oldest first) and returns the owner. */
  async function seed(): Promise<SubjectRef> {
    const owner: SubjectRef = { subject: `user_${randomBase62(12)}`, subjectKind: 'user' }
    const add = (name: string, createdAt: Date, expiration: Date | null = null): Promise<StoredApiKey> =>
      store().insert(record(owner, name, createdAt, expiration), createdAt)
    const made = at(-DAY)
    await add('expires in 7 d - 1 s', made, at(EXPIRES_SOON_MS - SECOND))
    await add('expires in exactly 7 d', made, at(EXPIRES_SOON_MS))
    await add('expires in 7 d + 1 s', made, at(EXPIRES_SOON_MS + SECOND))
    await add('expires in 1 s', made, at(SECOND))
    await add('expires now', made, at(0))
    await add('expired 1 s ago', made, at(-SECOND))
    const revoked = await add('revoked, expiring and unused', at(-91 * DAY), at(DAY))
    await store().revoke({ id: revoked.id, ...owner, reason: null, now: at(-DAY) })
    // Rolled a day ago with a 2-day grace: expiring soon and unused, but on its way out by design.
    const rolled = await add('rolled', at(-91 * DAY))
    await store().roll({
      id: rolled.id,
      ...owner,
      graceEnd: at(DAY),
      now: at(-DAY),
      replacement: () => record(owner, 'rolled', at(-DAY), null),
    })
    await add('never used, made 91 d ago', at(-91 * DAY))
    await add('never used, made 90 d + 1 ms ago', at(-UNUSED_AFTER_MS - 1))
    await add('never used, made exactly 90 d ago', at(-UNUSED_AFTER_MS))
    await add('never used, made 89 d ago', at(-89 * DAY))
    const used91 = await add('used 91 d ago', at(-200 * DAY))
    await store().touchLastUsed({ id: used91.id, now: at(-91 * DAY), staleAt: at(-91 * DAY) })
    const used89 = await add('used 89 d ago', at(-200 * DAY))
    await store().touchLastUsed({ id: used89.id, now: at(-89 * DAY), staleAt: at(-89 * DAY) })
    await add('unused but expired 1 s ago', at(-100 * DAY), at(-SECOND))
    await add('unused but expires now', at(-100 * DAY), at(0))
    await add('unused and expiring', at(-100 * DAY), at(2 * DAY))
    // Another owner's unused key never shows.
    await store().insert(record({ ...owner, subjectKind: 'team' }, 'other owner', at(-100 * DAY), null), made)
    return owner
  }

  it('filters by hygiene finding exactly as matchesHygiene, at each boundary, with status, search and paging', async () => {
    const s = await seed()
    const list = (hygiene: HygieneFilter, extra: { status?: APIKeyStatusFilter; search?: string } = {}) =>
      store().list({
        ...s,
        nameKeyContains: extra.search ?? '',
        ...(extra.status === undefined ? {} : { status: extra.status }),
        hygiene,
        offset: 0,
        limit: 100,
        now: at(0),
      })
    const all = await store().list({ ...s, nameKeyContains: '', offset: 0, limit: 100, now: at(0) })
    expect(all.totalCount).toBe(18)
    const resources = all.keys.map((key) => toResource(key, NOW))

    for (const filter of HYGIENE_FILTERS) {
      const oracle = resources.filter((key) => matchesHygiene(key, filter, NOW)).map((key) => key.name)
      // The rule and the boundary keys agree on what each finding is, so the check below means something.
      expect(oracle).toEqual(EXPECTED[filter])
      const page = await list(filter)
      expect(page.keys.map((key) => key.name)).toEqual(oracle)
      expect(page.totalCount).toBe(oracle.length)

      for (const status of ['active', 'expired', 'revoked'] as const) {
        const expected = resources
          .filter((key) => matchesHygiene(key, filter, NOW) && matchesStatusFilter(key, status, NOW))
          .map((key) => key.name)
        const filtered = await list(filter, { status })
        expect(
          filtered.keys.map((key) => key.name),
          `${filter} + ${status}`,
        ).toEqual(expected)
        expect(filtered.totalCount).toBe(expected.length)
      }

      const searched = await list(filter, { search: nameKeyOf('Never Used') })
      const expectedSearch = oracle.filter((name) => name.startsWith('never used'))
      expect(searched.keys.map((key) => key.name)).toEqual(expectedSearch)
      expect(searched.totalCount).toBe(expectedSearch.length)

      // A count as the manager asks for it: one key on the page, every match counted.
      const count = await store().list({ ...s, nameKeyContains: '', hygiene: filter, offset: 1, limit: 1, now: at(0) })
      expect(count.keys.map((key) => key.name)).toEqual(oracle.slice(1, 2))
      expect(count.totalCount).toBe(oracle.length)
    }
    // The search and the active status narrow something, so those checks are not vacuous.
    expect((await list('unused', { search: 'never used' })).totalCount).toBe(2)
    expect((await list('expiring-this-week', { status: 'active' })).totalCount).toBe(3)
  })
}
