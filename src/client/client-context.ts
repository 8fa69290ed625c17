import type { QueryClient } from '@tanstack/react-query'
import type { ApiKeysFetcher } from '../core/fetcher'
import type { SubjectKind, TeamInfo } from '../core/types'
import type { LocalizationOverrides } from '../i18n/messages'
import type { KeyMutationCallbacks } from './key-mutation'

/** What the Provider hands to every hook and component below it: the fetcher, who is signed in, the cache. */
export interface ApiKeysContextValue {
  fetcher: ApiKeysFetcher
  userId: string | null
  organizationId: string | null
  teams: readonly TeamInfo[]
  queryClient: QueryClient
  localization: LocalizationOverrides | undefined
  locale: string | undefined
  /** The Provider's latest change callbacks (read when a change settles, so new functions cost no render). */
  callbacks: { readonly current: KeyMutationCallbacks }
}

/** A subject after resolution: whose keys, and whether that is a user or a team. */
export interface ResolvedSubject {
  subject: string
  subjectKind: SubjectKind
}

/** An explicit subject, else the active organization, else the signed-in user; null when signed out. */
export function resolveSubject(
  context: Pick<ApiKeysContextValue, 'userId' | 'organizationId'>,
  explicit?: string | null,
): ResolvedSubject | null {
  const subject = explicit ?? context.organizationId ?? context.userId
  if (!subject) return null
  return { subject, subjectKind: subject === context.userId ? 'user' : 'team' }
}
