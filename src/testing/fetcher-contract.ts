import { randomBase62 } from '../core/base62'
import { createCases } from './cases/create-cases'
import { guardCases } from './cases/guard-cases'
import { hygieneCases } from './cases/hygiene-cases'
import { listCases } from './cases/list-cases'
import { revokeCases } from './cases/revoke-cases'
import { rollCases } from './cases/roll-cases'
import { updateCases } from './cases/update-cases'
import type { CaseNeed } from './cases/case-spec'
import { newTag, ownerActions, type ContractOwner, type FetcherUnderTest } from './context'

/** Options of {@link fetcherContract}. */
export interface FetcherContractOptions {
  /**
   * The fetcher under test, acting for `owner`. It is called once when the cases are made (to see
   * whether the fetcher has `update` and `roll`), then at the start of each case.
   */
  fetcher: (owner: ContractOwner) => FetcherUnderTest
  /**
   * The owners the cases act as: one, or two to check that owners are kept apart (the second acted
   * for by a caller who may not manage the first's keys). Default: two users with fresh random ids
   * (`user_contract_…`). Every case names its keys with a word of its own and searches for it, so an
   * owner that already has keys works too.
   */
  owners?: readonly [ContractOwner] | readonly [ContractOwner, ContractOwner]
  /** A fetcher as a caller nobody signed in as: when given, every call must be `unauthenticated`. */
  signedOut?: () => FetcherUnderTest
}

/** One case of the contract, for any test runner: run it, and it throws if the fetcher breaks the rule. */
export interface FetcherContractCase {
  /** What the case checks, as a sentence. */
  name: string
  /** Why the case does not apply to this fetcher (it has no `update`, no `roll`...); absent when it does. */
  skip?: string
  /** Runs the case; rejects with a `ContractViolation` naming the rule broken. A skipped case does nothing. */
  run: () => Promise<void>
}

const ALL_CASES = [
  ...listCases,
  ...hygieneCases,
  ...createCases,
  ...revokeCases,
  ...updateCases,
  ...rollCases,
  ...guardCases,
]

/**
 * The behaviour every `ApiKeysFetcher` must have, as test cases for any runner: list order and
 * paging, search, the status filter, the hygiene filter (when `supports.hygiene`), the rules of create, revoke, update and roll, conflicts
 * (names compared case-insensitively in NFC), revoking twice, aborted requests and error codes.
 * The kit runs it against its own fetchers. With Vitest or Jest, `fetcherContract` imported from
 * `react-api-keys/testing`:
 *
 * ```ts
 * for (const c of fetcherContract({ fetcher: () => myFetcher }))
 *   (c.skip ? test.skip : test)(c.name, c.run)
 * ```
 */
export function fetcherContract(options: FetcherContractOptions): FetcherContractCase[] {
  const owners = options.owners ?? [
    { subject: `user_contract_${randomBase62(10)}` },
    { subject: `user_contract_${randomBase62(10)}` },
  ]
  const [owner, second] = owners
  const probe = options.fetcher(owner)
  const can = {
    update: probe.update !== undefined,
    roll: probe.roll !== undefined,
    scopes: probe.supports?.scopes !== false,
    hygiene: probe.supports?.hygiene === true,
  }
  const missing: Record<CaseNeed, string | undefined> = {
    update: can.update ? undefined : 'the fetcher has no update',
    roll: can.roll ? undefined : 'the fetcher has no roll',
    hygiene: can.hygiene ? undefined : 'the fetcher does not filter lists by hygiene (supports.hygiene)',
    'another owner': second ? undefined : 'only one owner was given',
    'signed-out fetcher': options.signedOut ? undefined : 'no signedOut fetcher was given',
  }
  return ALL_CASES.map((spec) => {
    const skip = (spec.needs ?? []).map((need) => missing[need]).find((reason) => reason !== undefined)
    if (skip !== undefined) return { name: spec.name, skip, run: async () => undefined }
    return {
      name: spec.name,
      async run() {
        const tag = newTag()
        const signedOut = options.signedOut?.()
        await spec.run({
          ...ownerActions(options.fetcher(owner), owner, tag),
          tag,
          other: second ? ownerActions(options.fetcher(second), second, tag) : undefined,
          signedOut: signedOut ? ownerActions(signedOut, owner, tag) : undefined,
          can,
        })
      },
    }
  })
}
