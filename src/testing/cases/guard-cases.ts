import { check, checkAborted, checkEqual, checkRejectsWith } from '../checks'
import type { ContractCaseSpec } from './case-spec'

const aborted = (): AbortSignal => {
  const controller = new AbortController()
  controller.abort()
  return controller.signal
}

/** Owners kept apart, cancelled requests, and callers nobody signed in as. */
export const guardCases: ContractCaseSpec[] = [
  {
    name: "owners: one owner's keys are not found by another, whose names are its own",
    needs: ['another owner'],
    async run({ tag, create, list, other, can }) {
      check(other !== undefined, 'a second owner')
      const mine = await create(`${tag} shared name`)
      checkEqual((await other.list()).totalCount, 0, "another owner's list")
      await checkRejectsWith(other.revoke(mine.id), 'not_found', "revoking another owner's key")
      if (can.update) await checkRejectsWith(other.update(mine.id, { name: 'x' }), 'not_found', 'renaming it')
      if (can.roll) await checkRejectsWith(other.roll(mine.id, 60), 'not_found', 'rolling it')
      const theirs = await other.create(`${tag} shared name`)
      checkEqual(theirs.name, mine.name, "the other owner's key of the same name")
      check(
        (await list()).data.every((key) => !key.revoked),
        'my key is untouched',
      )
    },
  },
  {
    name: 'abort: a call whose signal is already aborted rejects with an AbortError and changes nothing',
    async run({ tag, create, list, revoke, update, roll, can }) {
      const key = await create(`${tag} kept`)
      await checkAborted(list({ signal: aborted() }), 'list')
      await checkAborted(create(`${tag} never`, { signal: aborted() }), 'create')
      await checkAborted(revoke(key.id, null, aborted()), 'revoke')
      if (can.update) await checkAborted(update(key.id, { name: `${tag} renamed` }, aborted()), 'update')
      if (can.roll) await checkAborted(roll(key.id, 0, aborted()), 'roll')
      const page = await list()
      checkEqual(
        page.data.map((one) => [one.id, one.name, one.revoked]),
        [[key.id, key.name, false]],
        'the keys afterwards',
      )
    },
  },
  {
    name: 'signed out: every call of a caller nobody signed in as is unauthenticated',
    needs: ['signed-out fetcher'],
    async run({ tag, signedOut, can }) {
      check(signedOut !== undefined, 'a signed-out fetcher')
      await checkRejectsWith(signedOut.list(), 'unauthenticated', 'list')
      await checkRejectsWith(signedOut.create(`${tag} nobody`), 'unauthenticated', 'create')
      await checkRejectsWith(signedOut.revoke('ak_0000000000000000000000'), 'unauthenticated', 'revoke')
      if (can.update)
        await checkRejectsWith(
          signedOut.update('ak_0000000000000000000000', { name: 'x' }),
          'unauthenticated',
          'update',
        )
      if (can.roll) await checkRejectsWith(signedOut.roll('ak_0000000000000000000000', 60), 'unauthenticated', 'roll')
    },
  },
]
