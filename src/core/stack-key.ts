import { isExpiredAt } from './key-status'
import type { APIKeyResource } from './types'

/** Why a Stack-style key no longer works; revocation is reported before expiry. */
export type StackKeyInvalidReason = 'manually-revoked' | 'expired'

/** The parts a Stack-style key object shares, whichever subject it belongs to. */
interface StackKeyBase<Value> {
  id: string
  /** The key's label (the resource's name). */
  description: string
  createdAt: Date
  expiresAt: Date | undefined
  manuallyRevokedAt: Date | null
  scopes: string[]
  /** On a freshly created key the secret itself; afterwards only its last four characters. */
  value: Value
  /** Whether the key works right now (judged at the moment of the call). */
  isValid(): boolean
  /** Why the key does not work right now, or null if it does. */
  whyInvalid(): StackKeyInvalidReason | null
  revoke(): Promise<void>
  update(options: { description: string }): Promise<void>
}

/** A user's or a team's key in Stack Auth's shape. */
export type StackApiKey<Value = { lastFour: string }> =
  (StackKeyBase<Value> & { type: 'user'; userId: string }) | (StackKeyBase<Value> & { type: 'team'; teamId: string })

/** A Stack-style key as returned once by a create, whose `value` is the secret string. */
export type FirstViewStackApiKey = StackApiKey<string>

/** The actions a Stack-style key object calls back into. */
export interface StackKeyActions {
  revoke(key: APIKeyResource): Promise<unknown>
  update(key: APIKeyResource, description: string): Promise<unknown>
}

/** Why `key` does not work at `now`: 'manually-revoked' before 'expired', else null. */
export function whyKeyInvalid(
  key: Pick<APIKeyResource, 'revoked' | 'expiration'>,
  now: number = Date.now(),
): StackKeyInvalidReason | null {
  if (key.revoked) return 'manually-revoked'
  return isExpiredAt(key, now) ? 'expired' : null
}

/** Wraps a resource as a Stack-style key object whose methods call `actions`. */
export function toStackApiKey<Value = { lastFour: string }>(
  key: APIKeyResource,
  kind: 'user' | 'team',
  actions: StackKeyActions,
  value?: Value,
): StackApiKey<Value> {
  const base: StackKeyBase<Value> = {
    id: key.id,
    description: key.name,
    createdAt: key.createdAt,
    expiresAt: key.expiration ?? undefined,
    manuallyRevokedAt: key.revoked ? (key.revokedAt ?? key.updatedAt) : null,
    scopes: key.scopes,
    value: value ?? ({ lastFour: key.lastFour } as Value),
    isValid: () => whyKeyInvalid(key) === null,
    whyInvalid: () => whyKeyInvalid(key),
    revoke: async () => {
      await actions.revoke(key)
    },
    update: async ({ description }) => {
      await actions.update(key, description)
    },
  }
  return kind === 'user'
    ? { ...base, type: 'user', userId: key.subject }
    : { ...base, type: 'team', teamId: key.subject }
}
