import { check, checkEqual } from '../checks'
import { namesOf, type ContractCaseSpec } from './case-spec'

/** Order, paging, search and the status filter of `list`. */
export const listCases: ContractCaseSpec[] = [
  {
    name: 'list: newest first, a page at a time, with the total count of matches',
    async run({ tag, create, list }) {
      for (const n of [1, 2, 3, 4, 5]) await create(`${tag} ${n}`)
      const pages = [1, 2, 3, 4].map((page) => list({ page, pageSize: 2 }))
      const [first, second, third, beyond] = await Promise.all(pages)
      checkEqual(first && namesOf(first), [`${tag} 5`, `${tag} 4`], 'page 1')
      checkEqual(second && namesOf(second), [`${tag} 3`, `${tag} 2`], 'page 2')
      checkEqual(third && namesOf(third), [`${tag} 1`], 'page 3')
      checkEqual(beyond && namesOf(beyond), [], 'a page past the end')
      for (const page of [first, second, third, beyond]) checkEqual(page?.totalCount, 5, 'totalCount on every page')
    },
  },
  {
    name: 'list: searches names without regard to case or Unicode form',
    async run({ tag, create, list }) {
      await create(`${tag} API deploy`)
      await create(`${tag} api billing`)
      await create(`${tag} Café`)
      const api = await list({ query: `${tag} Api`.toLowerCase() })
      checkEqual(namesOf(api), [`${tag} api billing`, `${tag} API deploy`], 'a search in other letter cases')
      checkEqual(api.totalCount, 2, 'totalCount of the search')
      // "é" as one code point in the name, as "e" and a combining accent in the search.
      const cafe = await list({ query: `${tag} cafe\u0301` })
      checkEqual(namesOf(cafe), [`${tag} Café`], 'a search in another Unicode form')
    },
  },
  {
    name: 'list: filters by status (active, revoked, expired) as the backend judges it now',
    async run({ tag, create, revoke, roll, list, can }) {
      const kept = await create(`${tag} kept`)
      const gone = await create(`${tag} gone`)
      await revoke(gone.id, 'test')
      // A roll with no grace period is the one way to expire a key at once without waiting.
      const old = can.roll ? await create(`${tag} rolled`) : undefined
      const rolled = old ? await roll(old.id, 0) : undefined
      const active = await list({ status: 'active' })
      const revoked = await list({ status: 'revoked' })
      const expired = await list({ status: 'expired' })
      const ids = (page: typeof active): string[] => page.data.map((key) => key.id)
      checkEqual(ids(active), [...(rolled ? [rolled.replacement.id] : []), kept.id], 'active keys')
      checkEqual(ids(revoked), [gone.id], 'revoked keys')
      checkEqual(ids(expired), old ? [old.id] : [], 'expired keys')
      check(
        active.data.every((key) => !key.revoked && !key.expired),
        'an active key says revoked: false, expired: false',
      )
      check(revoked.data[0]?.revoked === true, 'a revoked key says revoked: true')
      if (old) check(expired.data[0]?.expired === true, 'an expired key says expired: true')
    },
  },
]
