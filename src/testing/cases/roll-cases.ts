import { check, checkDate, checkEqual, checkRejectsWith } from '../checks'
import type { ContractCaseSpec } from './case-spec'

/** What `roll` answers, and which keys it refuses. */
export const rollCases: ContractCaseSpec[] = [
  {
    name: 'roll: a new secret under the same name, scopes and description; the old key ends with the grace period',
    needs: ['roll'],
    async run({ tag, create, roll, list, can }) {
      const scopes = can.scopes ? ['keys:read'] : []
      const old = await create(`${tag} rolled`, { description: 'CI', scopes })
      const { replacement, previous } = await roll(old.id, 3600)
      check(replacement.secret !== old.secret, 'the replacement has a new secret')
      check(replacement.secret.endsWith(replacement.lastFour), "lastFour is the end of the replacement's secret")
      checkEqual(
        [replacement.name, replacement.description, ...(can.scopes ? [replacement.scopes] : [])],
        [old.name, 'CI', ...(can.scopes ? [scopes] : [])],
        'the replacement',
      )
      checkEqual(previous.id, old.id, 'the previous key')
      checkDate(previous.expiration, "the previous key's expiration")
      const end = replacement.createdAt.getTime() + 3600_000
      check(
        Math.abs(previous.expiration.getTime() - end) <= 1000,
        'the previous key expires when the grace period ends',
      )
      const active = await list({ status: 'active' })
      checkEqual(
        active.data.map((key) => key.id),
        [replacement.id, old.id],
        'active keys during the grace period',
      )
    },
  },
  {
    name: 'roll: rolling the same key twice is a conflict, and leaves one replacement',
    needs: ['roll'],
    async run({ tag, create, roll, list }) {
      const old = await create(`${tag} once`)
      const { replacement } = await roll(old.id, 3600)
      await checkRejectsWith(roll(old.id, 3600), 'conflict', 'a second roll of one key')
      checkEqual(
        (await list()).data.map((key) => key.id),
        [replacement.id, old.id],
        'the keys after a refused second roll',
      )
    },
  },
  {
    name: 'roll: a revoked key cannot be rolled (conflict), and a grace period must be 0 or more (invalid_input)',
    needs: ['roll'],
    async run({ tag, create, revoke, roll }) {
      const key = await create(`${tag} revoked`)
      await checkRejectsWith(roll(key.id, -1), 'invalid_input', 'a negative grace period')
      await revoke(key.id)
      await checkRejectsWith(roll(key.id, 60), 'conflict', 'rolling a revoked key')
    },
  },
]
