import { HYGIENE_FILTERS, matchesHygiene } from '../../core/key-hygiene'
import { check, checkEqual } from '../checks'
import type { ContractCaseSpec } from './case-spec'

const HOUR_SECONDS = 60 * 60
const DAY_SECONDS = 24 * HOUR_SECONDS

/** The hygiene filter of `list`, for a fetcher that declares `supports.hygiene`. */
export const hygieneCases: ContractCaseSpec[] = [
  {
    name: 'list: filters by hygiene finding (matchesHygiene) across every key, counted in totalCount',
    needs: ['hygiene'],
    async run({ tag, create, revoke, roll, list, can }) {
      // Every key is hours or weeks from a boundary, so the backend's clock and this one need not agree.
      const soon = await create(`${tag} soon`, { secondsUntilExpiration: HOUR_SECONDS })
      const later = await create(`${tag} later`, { secondsUntilExpiration: 30 * DAY_SECONDS })
      const forever = await create(`${tag} forever`)
      const revoked = await create(`${tag} revoked`, { secondsUntilExpiration: HOUR_SECONDS })
      await revoke(revoked.id, 'test')
      // A rolled key expires soon by design: it is not a finding.
      const old = can.roll ? await create(`${tag} rolled`, { secondsUntilExpiration: 2 * HOUR_SECONDS }) : undefined
      if (old) await roll(old.id, HOUR_SECONDS)

      const all = await list({ pageSize: 100 })
      const now = Date.now()
      for (const filter of HYGIENE_FILTERS) {
        const expected = all.data.filter((key) => matchesHygiene(key, filter, now)).map((key) => key.id)
        const page = await list({ hygiene: filter, pageSize: 100 })
        checkEqual(
          page.data.map((key) => key.id),
          expected,
          `the keys listed with hygiene "${filter}" (newest first)`,
        )
        checkEqual(page.totalCount, expected.length, `totalCount with hygiene "${filter}"`)
        // How the manager counts a finding: a page of one, and the total.
        const counted = await list({ hygiene: filter, pageSize: 1 })
        checkEqual(counted.totalCount, expected.length, `totalCount of a one-key page with hygiene "${filter}"`)
        checkEqual(
          counted.data.map((key) => key.id),
          expected.slice(0, 1),
          `a one-key page with hygiene "${filter}"`,
        )
      }
      // The rule itself, so the comparison above is not between two empty lists.
      const expiring = await list({ hygiene: 'expiring-this-week' })
      const ids = expiring.data.map((key) => key.id)
      check(ids.includes(soon.id), 'a key that expires in an hour is listed as expiring this week')
      for (const key of [later, forever, revoked, ...(old ? [old] : [])]) {
        check(!ids.includes(key.id), `"${key.name}" is not listed as expiring this week`)
      }
    },
  },
]
