/** Whose keys these are: a user's own, or a team's (a Clerk organization is a team here). */
export type SubjectKind = 'user' | 'team'

/** Whether `value` is a subject kind, `'user'` or `'team'`: what every reader of a kind checks. */
export function isSubjectKind(value: unknown): value is SubjectKind {
  return value === 'user' || value === 'team'
}

/**
 * One API key as the kit sees it: Clerk's `APIKeyResource` fields, plus `prefix` and `lastFour`
 * for display. `secret` is present only on the result of a create or roll, never on a listed key.
 */
export interface APIKeyResource {
  id: string
  /** The kind of credential, as the backend names it (for example `api_key`). */
  type: string
  name: string
  /** The user or team/organization id the key belongs to. */
  subject: string
  /**
   * Whether `subject` names a user or a team: a user and a team with one id are different owners.
   * Set by the kit's server; absent when a backend does not say.
   */
  subjectKind?: SubjectKind
  description: string | null
  claims: Record<string, unknown> | null
  scopes: string[]
  createdAt: Date
  createdBy: string | null
  updatedAt: Date
  /** When the key stops working, or null if it never expires. */
  expiration: Date | null
  /** Whether the backend considered the key expired when it answered. */
  expired: boolean
  revoked: boolean
  revokedAt: Date | null
  revocationReason: string | null
  /** The user id of who revoked the key, when the backend records it; absent otherwise. */
  revokedBy?: string
  lastUsedAt: Date | null
  /** The readable start of the secret (for example `sk_`), or null when the backend does not tell. */
  prefix: string | null
  /** The last four characters of the secret, for telling keys apart. */
  lastFour: string
  /** The id of the key this one replaced in a roll; absent when it was created, not rolled from another. */
  rolledFrom?: string
  /** The id of the key that replaced this one in a roll; absent until it is rolled. */
  replacedBy?: string
  /** The secret itself: only on the result of a create or roll, and never stored by the kit. */
  secret?: string
}

/** A freshly issued key: the resource together with its one-time secret. */
export type CreatedAPIKey = APIKeyResource & { secret: string }

/** One page of keys and how many keys match in all. */
export interface APIKeysPage {
  data: APIKeyResource[]
  totalCount: number
}

/** Every status filter a list can be narrowed by (`active` includes keys that expire soon). */
export const API_KEY_STATUS_FILTERS = ['active', 'expired', 'revoked'] as const

/** The status filter a list can be narrowed by, one of {@link API_KEY_STATUS_FILTERS}. */
export type APIKeyStatusFilter = (typeof API_KEY_STATUS_FILTERS)[number]

/** A team the current user belongs to, with the permissions they hold in it. */
export interface TeamInfo {
  id: string
  displayName: string
  permissions: string[]
}

/** The permission a user needs in a team to see and manage its API keys. */
export const MANAGE_API_KEYS_PERMISSION = '$manage_api_keys'
