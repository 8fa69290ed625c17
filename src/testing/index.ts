/**
 * `react-api-keys/testing`: the fetcher contract, for any test runner. Free of test frameworks:
 * each case is a name and a function that throws when the fetcher breaks a rule.
 */

/** The fetcher contract as test cases, and what they need. */
export { fetcherContract, type FetcherContractCase, type FetcherContractOptions } from './fetcher-contract'
/** An owner the cases act as, and a fetcher as they take it. */
export type { ContractOwner, FetcherUnderTest } from './context'
/** The error a case throws when the fetcher breaks a rule. */
export { ContractViolation } from './checks'
