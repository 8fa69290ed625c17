'use client'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { ApiKeysError } from '../core/errors'
import { secondsUntil } from '../core/validation'
import { toStackApiKey, type FirstViewStackApiKey, type StackApiKey, type StackKeyActions } from '../core/stack-key'
import type { APIKeysPage, SubjectKind } from '../core/types'
import type { ResolvedSubject } from '../client/client-context'
import { useApiKeysContext } from './context'
import { fetchEverything } from '../client/list-query'
import { LIST_STALE_TIME_MS } from '../client/query-defaults'
import { everythingKey } from '../client/query-keys'
import { useAPIKeysClient, type APIKeysClient } from './use-api-keys-client'

const EMPTY: APIKeysPage = { data: [], totalCount: 0 }

function stackActions(client: APIKeysClient, subject: string): StackKeyActions {
  return {
    revoke: (key) => client.revoke({ apiKeyId: key.id, subject }),
    update: (key, description) => client.update({ apiKeyId: key.id, name: description, subject }),
  }
}

/** Every key of one subject as Stack-style objects; suspends until the first answer. */
function useStackKeys(target: ResolvedSubject | null): StackApiKey[] {
  const { fetcher, queryClient, userId } = useApiKeysContext()
  const client = useAPIKeysClient()
  const subject = target?.subject ?? ''
  const { data } = useSuspenseQuery(
    {
      queryKey: everythingKey(userId, subject),
      queryFn: ({ signal }) => (target ? fetchEverything(fetcher, target, signal) : Promise.resolve(EMPTY)),
      staleTime: LIST_STALE_TIME_MS,
    },
    queryClient,
  )
  return useMemo(() => {
    if (!target) return []
    const actions = stackActions(client, target.subject)
    return data.data.map((key) => toStackApiKey(key, target.subjectKind, actions))
  }, [client, data, target])
}

/**
 * The signed-in user's own keys as Stack-style objects (`isValid()`, `whyInvalid()`, `revoke()`,
 * `update()`); suspends until loaded. Empty when nobody is signed in.
 */
export function useApiKeys(): StackApiKey[] {
  const { userId } = useApiKeysContext()
  const target = useMemo(() => (userId ? { subject: userId, subjectKind: 'user' as const } : null), [userId])
  return useStackKeys(target)
}

/** A team's keys as Stack-style objects; suspends until loaded. The backend decides who may see them. */
export function useTeamApiKeys(teamId: string): StackApiKey[] {
  const target = useMemo(() => ({ subject: teamId, subjectKind: 'team' as const }), [teamId])
  return useStackKeys(target)
}

/** What the function from {@link useCreateApiKey} takes, as in Stack's `createApiKey`. */
export interface CreateStackApiKeyOptions {
  /** The key's label (stored as its name). */
  description: string
  /** When the key stops working, or null for never. */
  expiresAt: Date | null
  scopes?: string[]
}

/**
 * Returns Stack's `createApiKey` for the signed-in user, or for `teamId`. The promise resolves to a
 * first-view key whose `value` is the secret: the only copy, which the kit does not keep.
 */
export function useCreateApiKey(
  options: { teamId?: string } = {},
): (input: CreateStackApiKeyOptions) => Promise<FirstViewStackApiKey> {
  const { userId } = useApiKeysContext()
  const client = useAPIKeysClient()
  const { teamId } = options
  return useMemo(() => {
    return async (input: CreateStackApiKeyOptions) => {
      const subject = teamId ?? userId
      if (!subject) throw new ApiKeysError('unauthenticated')
      const kind: SubjectKind = teamId ? 'team' : 'user'
      let secondsUntilExpiration: number | null = null
      if (input.expiresAt) {
        secondsUntilExpiration = secondsUntil(input.expiresAt)
        if (secondsUntilExpiration <= 0) {
          throw new ApiKeysError('invalid_input', 'The expiry date must be in the future.', {
            issues: [{ field: 'secondsUntilExpiration', reason: 'in_past' }],
          })
        }
      }
      const { secret, ...key } = await client.create({
        name: input.description,
        subject,
        secondsUntilExpiration,
        scopes: input.scopes,
      })
      return toStackApiKey<string>(key, kind, stackActions(client, subject), secret)
    }
  }, [client, teamId, userId])
}
