import { checkEqual, checkRejectsWith } from '../checks'
import { namesOf, type ContractCaseSpec } from './case-spec'

/** What `update` changes, and the naming rules it enforces. */
export const updateCases: ContractCaseSpec[] = [
  {
    name: 'update: renames and re-describes a key; a field left out stays as it was',
    needs: ['update'],
    async run({ tag, create, update, list }) {
      const key = await create(`${tag} old`, { description: 'before' })
      const renamed = await update(key.id, { name: `${tag} new`, description: 'after' })
      checkEqual([renamed.name, renamed.description], [`${tag} new`, 'after'], 'the renamed key')
      const described = await update(key.id, { description: null })
      checkEqual([described.name, described.description], [`${tag} new`, null], 'after changing only the description')
      checkEqual(namesOf(await list()), [`${tag} new`], 'the list')
    },
  },
  {
    name: 'update: a rename to a name an active key holds is a conflict; a revoked key holds none',
    needs: ['update'],
    async run({ tag, create, revoke, update }) {
      const holder = await create(`${tag} taken`)
      const other = await create(`${tag} other`)
      await checkRejectsWith(update(other.id, { name: `${tag} TAKEN` }), 'conflict', 'a rename to a held name')
      await revoke(holder.id)
      checkEqual((await update(other.id, { name: `${tag} taken` })).name, `${tag} taken`, 'the rename after the revoke')
    },
  },
]
