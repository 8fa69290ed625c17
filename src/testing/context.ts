import type { ApiKeysFetcher, FetcherSupports, ListKeysParams, RollKeyResult } from '../core/fetcher'
import { randomBase62 } from '../core/base62'
import type { APIKeyResource, APIKeysPage, CreatedAPIKey, SubjectKind } from '../core/types'
import { check } from './checks'

/** An owner of keys the cases act as: a user's or a team's id. */
export interface ContractOwner {
  subject: string
  /** Default `'user'`. */
  subjectKind?: SubjectKind
}

/** A fetcher under test, with the optional `supports` a fetcher may carry. */
export type FetcherUnderTest = ApiKeysFetcher & FetcherSupports

/** What a create may set besides the name. */
export interface CreateExtras {
  description?: string | null
  secondsUntilExpiration?: number | null
  scopes?: string[]
  signal?: AbortSignal
}

/** One owner's calls, with the owner and a live signal filled in (a case may pass its own signal). */
export interface OwnerActions {
  owner: { subject: string; subjectKind: SubjectKind }
  /** Lists with `query` defaulting to the case's tag, so a case sees only its own keys. */
  list(
    params?: Partial<Pick<ListKeysParams, 'query' | 'status' | 'hygiene' | 'page' | 'pageSize' | 'signal'>>,
  ): Promise<APIKeysPage>
  create(name: string, extras?: CreateExtras): Promise<CreatedAPIKey>
  revoke(apiKeyId: string, revocationReason?: string | null, signal?: AbortSignal): Promise<APIKeyResource>
  /** The fetcher's `update`; a case calls it only when it declared that it needs it. */
  update(
    apiKeyId: string,
    changes: { name?: string; description?: string | null },
    signal?: AbortSignal,
  ): Promise<APIKeyResource>
  /** The fetcher's `roll`; likewise. */
  roll(apiKeyId: string, gracePeriodSeconds: number, signal?: AbortSignal): Promise<RollKeyResult>
}

/** What a case works with. */
export interface CaseContext extends OwnerActions {
  /** A word no other case uses; every name a case gives starts with it. */
  tag: string
  /** The second owner, when the options name one. */
  other: OwnerActions | undefined
  /** Calls as nobody signed in, when the options give such a fetcher. */
  signedOut: OwnerActions | undefined
  /**
   * What the fetcher can do: `update` and `roll` are optional methods; `scopes` is `supports.scopes`;
   * `hygiene` is `supports.hygiene` (a list filtered by hygiene finding).
   */
  can: { update: boolean; roll: boolean; scopes: boolean; hygiene: boolean }
}

const live = (): AbortSignal => new AbortController().signal

/** A fresh tag: long enough that no search for it matches a key's last four characters by chance. */
export const newTag = (): string => `t${randomBase62(10)}`

/** The calls of one owner over `fetcher`; lists search for `tag` unless told otherwise. */
export function ownerActions(fetcher: FetcherUnderTest, input: ContractOwner, tag: string): OwnerActions {
  const owner = { subject: input.subject, subjectKind: input.subjectKind ?? 'user' }
  return {
    owner,
    list: (params = {}) => fetcher.list({ ...owner, signal: live(), query: tag, page: 1, pageSize: 10, ...params }),
    create: (name, { signal = live(), ...extras } = {}) =>
      fetcher.create({
        ...owner,
        signal,
        name,
        description: null,
        secondsUntilExpiration: null,
        scopes: [],
        claims: null,
        ...extras,
      }),
    revoke: (apiKeyId, revocationReason = null, signal = live()) =>
      fetcher.revoke({ ...owner, signal, apiKeyId, revocationReason }),
    update: (apiKeyId, changes, signal = live()) => {
      check(fetcher.update !== undefined, 'The fetcher has no update.')
      return fetcher.update({ ...owner, signal, apiKeyId, ...changes })
    },
    roll: (apiKeyId, gracePeriodSeconds, signal = live()) => {
      check(fetcher.roll !== undefined, 'The fetcher has no roll.')
      return fetcher.roll({ ...owner, signal, apiKeyId, gracePeriodSeconds })
    },
  }
}
