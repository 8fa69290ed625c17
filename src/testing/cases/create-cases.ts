import { check, checkDate, checkEqual, checkRejectsWith } from '../checks'
import { namesOf, type ContractCaseSpec } from './case-spec'

/** What `create` answers, and the naming rules it enforces. */
export const createCases: ContractCaseSpec[] = [
  {
    name: 'create: answers the key with its secret once; a list never carries the secret',
    async run({ tag, create, list, can }) {
      const scopes = can.scopes ? ['keys:read'] : []
      const created = await create(`${tag} deploy`, { description: 'For CI', secondsUntilExpiration: 3600, scopes })
      check(
        typeof created.secret === 'string' && created.secret.length >= 16,
        'the secret is a string of 16+ characters',
      )
      check(created.secret.endsWith(created.lastFour), 'lastFour is the end of the secret')
      checkEqual(
        { name: created.name, description: created.description, revoked: created.revoked, expired: created.expired },
        { name: `${tag} deploy`, description: 'For CI', revoked: false, expired: false },
        'the created key',
      )
      if (can.scopes) checkEqual(created.scopes, scopes, 'its scopes')
      checkDate(created.createdAt, 'createdAt')
      checkDate(created.expiration, 'expiration')
      const lifetime = created.expiration.getTime() - created.createdAt.getTime()
      check(Math.abs(lifetime - 3600_000) <= 1000, `it expires 3600 s after it was made, not ${lifetime / 1000} s`)
      const page = await list()
      checkEqual(namesOf(page), [`${tag} deploy`], 'the list')
      check(!('secret' in (page.data[0] ?? {})), 'a listed key has no secret field')
      check(!JSON.stringify(page).includes(created.secret), 'the secret appears nowhere in the list')
      checkEqual(page.data[0]?.id, created.id, 'the listed id')
    },
  },
  {
    name: 'create: a name an active key of the owner holds is a conflict, in any case; a revoke frees it',
    async run({ tag, create, revoke, list }) {
      const first = await create(`${tag} CI`)
      await checkRejectsWith(create(`${tag} ci`), 'conflict', 'a second key named like an active one')
      await revoke(first.id)
      const again = await create(`${tag} CI`)
      checkEqual(namesOf(await list({ status: 'active' })), [again.name], 'the active keys after the revoke')
    },
  },
  {
    name: 'create: names are compared in one Unicode form (NFC): "café" composed and decomposed are one name',
    async run({ tag, create, list }) {
      await create(`${tag} caf\u00e9`)
      await checkRejectsWith(create(`${tag} cafe\u0301`), 'conflict', 'the same name in another Unicode form')
      checkEqual((await list()).totalCount, 1, 'the keys of the case')
    },
  },
  {
    name: 'create: refuses a name of only spaces (invalid_input), even when the kit did not check it first',
    async run({ create }) {
      await checkRejectsWith(create('   '), 'invalid_input', 'a blank name')
    },
  },
]
