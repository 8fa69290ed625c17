import type { CaseContext } from '../context'

/** What a case needs beyond list, create and revoke; without it the case is skipped. */
export type CaseNeed = 'update' | 'roll' | 'hygiene' | 'another owner' | 'signed-out fetcher'

/** One rule of the contract, as a case. */
export interface ContractCaseSpec {
  name: string
  needs?: readonly CaseNeed[]
  run(context: CaseContext): Promise<void>
}

/** The names of keys, in the order a page lists them. */
export const namesOf = (page: { data: readonly { name: string }[] }): string[] => page.data.map((key) => key.name)
