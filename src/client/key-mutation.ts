import { toApiKeysError, type ApiKeysError } from '../core/errors'
import type { APIKeyResource } from '../core/types'
import type { ApiKeysContextValue, ResolvedSubject } from './client-context'

/** The changes the kit makes to keys, each run as a TanStack Query mutation. */
export type KeyMutationAction = 'create' | 'revoke' | 'update' | 'roll'

/** A change that succeeded: the mutation's cached `data`, and what `onMutationSuccess` receives. Never a secret. */
export interface KeyMutationSuccess {
  action: KeyMutationAction
  /** Whose key: the resolved subject (a user or a team id). */
  subject: string
  /** The key as it now is (after a roll: the replacement), without its secret. */
  key: APIKeyResource
  /** After a roll: the old key, which keeps working until its grace period ends. */
  previous?: APIKeyResource
}

/** A change that failed, as `onMutationError` receives it beside the error. */
export interface KeyMutationFailure {
  action: KeyMutationAction
  subject: string
  /** The key it was about; null for a create. */
  apiKeyId: string | null
}

/** The Provider's callbacks for changes. */
export interface KeyMutationCallbacks {
  /** Called after a create, revoke, update or roll succeeded, with the key but never its secret. */
  onMutationSuccess?: (outcome: KeyMutationSuccess) => void
  /** Called with every error a create, revoke, update or roll meets (the components show it too). */
  onMutationError?: (error: ApiKeysError, failure: KeyMutationFailure) => void
}

/**
 * The `mutationKey` of the kit's changes: `['react-api-keys', action, subject]`. Match the first part
 * alone to see them all, as in `useIsMutating({ mutationKey: apiKeysMutationKey() })`.
 */
export function apiKeysMutationKey(action?: KeyMutationAction, subject?: string): readonly string[] {
  return ['react-api-keys', action, subject].filter((part): part is string => part !== undefined)
}

/** One change: what it is, on whose keys, what the mutation caches as its variables, and how it runs. */
export interface KeyMutation<Result> {
  action: KeyMutationAction
  target: ResolvedSubject
  /** The caller's parameters without their signal: no secret is ever among them. */
  variables: object
  apiKeyId: string | null
  run: () => Promise<Result>
  /** The result without its secret: what the mutation caches and the callbacks receive. */
  outcomeOf: (result: Result) => Pick<KeyMutationSuccess, 'key' | 'previous'>
}

/**
 * Runs a change as a mutation in the QueryClient's MutationCache, so the app's global mutation
 * callbacks, `useIsMutating` and the devtools see it. The mutation holds only the secret-free outcome;
 * the whole result (a create's or a roll's one-time secret) goes to the caller alone. Never retried,
 * and never paused while the browser thinks it is offline: a change is sent exactly once, now.
 */
export async function runKeyMutation<Result>(
  context: ApiKeysContextValue,
  change: KeyMutation<Result>,
): Promise<Result> {
  const { queryClient, callbacks } = context
  const { action, target, apiKeyId } = change
  const subject = target.subject
  // The mutation keeps its function (and so this box) until the cache drops it: the box is emptied below.
  const box: { result?: Result } = {}
  const mutation = queryClient.getMutationCache().build<KeyMutationSuccess, unknown, object, unknown>(queryClient, {
    mutationKey: apiKeysMutationKey(action, subject),
    mutationFn: async () => {
      const result = await change.run()
      box.result = result
      return { action, subject, ...change.outcomeOf(result) }
    },
    retry: false,
    networkMode: 'always',
    onSuccess: (outcome) => callbacks.current.onMutationSuccess?.(outcome),
    onError: (error) => callbacks.current.onMutationError?.(toApiKeysError(error), { action, subject, apiKeyId }),
  })
  let failure: unknown
  // An app callback that throws after the backend succeeded must not cost the user a one-time secret.
  await mutation.execute(change.variables).catch((error: unknown) => (failure = error))
  const { result } = box
  box.result = undefined
  if (result === undefined) throw failure
  return result
}
