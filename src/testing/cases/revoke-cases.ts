import { check, checkDate, checkEqual, checkRejectsWith } from '../checks'
import type { ContractCaseSpec } from './case-spec'

/** What `revoke` answers, and that revoking twice changes nothing. */
export const revokeCases: ContractCaseSpec[] = [
  {
    name: 'revoke: answers the key revoked, with the time and the reason',
    async run({ tag, create, revoke, list }) {
      const key = await create(`${tag} leaked`)
      const revoked = await revoke(key.id, 'Leaked in a log')
      checkEqual(
        { id: revoked.id, revoked: revoked.revoked, reason: revoked.revocationReason },
        { id: key.id, revoked: true, reason: 'Leaked in a log' },
        'the revoked key',
      )
      checkDate(revoked.revokedAt, 'revokedAt')
      const [listed] = (await list()).data
      check(listed?.revoked === true, 'the list shows the key revoked')
    },
  },
  {
    name: 'revoke: revoking twice keeps the first time and reason',
    async run({ tag, create, revoke }) {
      const key = await create(`${tag} twice`)
      const first = await revoke(key.id, 'first')
      const second = await revoke(key.id, 'second')
      checkEqual(second.revocationReason, 'first', 'the reason after a second revoke')
      checkEqual(second.revokedAt?.getTime(), first.revokedAt?.getTime(), 'revokedAt after a second revoke')
    },
  },
  {
    name: 'revoke, update, roll: a key that does not exist is not_found',
    async run({ revoke, update, roll, can }) {
      const missing = 'ak_0000000000000000000000'
      await checkRejectsWith(revoke(missing), 'not_found', 'revoking a key that does not exist')
      if (can.update) await checkRejectsWith(update(missing, { name: 'x' }), 'not_found', 'renaming it')
      if (can.roll) await checkRejectsWith(roll(missing, 60), 'not_found', 'rolling it')
    },
  },
]
