import type { RateLimiter, RateLimitOptions } from '../service/rate-limiter'
import type { HygieneFilter } from '../../core/key-hygiene'
import type { APIKeyResource, APIKeyStatusFilter, SubjectKind } from '../../core/types'

/**
 * A key as a store keeps it: the public resource without what is derived when it is answered
 * (`type`, `expired`, `revoked`) and without the secret, which is never stored.
 */
export interface StoredApiKey extends Omit<
  APIKeyResource,
  'type' | 'expired' | 'revoked' | 'secret' | 'prefix' | 'subjectKind'
> {
  prefix: string
  /**
   * Whether `subject` is a user or a team: the owner is the pair. Null only for a SQL row stored
   * before kinds existed that the migration could not attribute (see migration 2): it belongs to
   * nobody until the app sets its kind.
   */
  subjectKind: SubjectKind | null
}

/** The owner of keys: a user or a team, by id. A team and a user with one id are two owners. */
export interface SubjectRef {
  subject: string
  subjectKind: SubjectKind
}

/** A key to insert: its fields, the SHA-256 of its secret, and the name key used for uniqueness. */
export interface NewApiKeyRecord
  extends
    SubjectRef,
    Pick<
      StoredApiKey,
      | 'id'
      | 'name'
      | 'description'
      | 'claims'
      | 'scopes'
      | 'createdAt'
      | 'createdBy'
      | 'expiration'
      | 'prefix'
      | 'lastFour'
    > {
  /** `nameKeyOf(name)`: what uniqueness and search compare. */
  nameKey: string
  /** Lower-case hex SHA-256 of the secret. */
  secretHash: string
}

/** One page of a subject's keys, newest first. */
export interface ListKeysQuery extends SubjectRef {
  /** A lower-cased name key fragment; empty matches all. */
  nameKeyContains: string
  status?: APIKeyStatusFilter
  /** Only keys with this hygiene finding at `now`: the rule is `matchesHygiene`, which every store runs or is checked against. */
  hygiene?: HygieneFilter
  offset: number
  limit: number
  /** The moment "expired" and "active" are judged at. */
  now: Date
}

/** What a roll changes, inside one transaction. */
export interface RollKeyCommand extends SubjectRef {
  id: string
  /** The old key expires at the earlier of its own expiration and this. */
  graceEnd: Date
  now: Date
  /** Builds the replacement from the old key as it is locked in the transaction. */
  replacement: (previous: StoredApiKey) => NewApiKeyRecord
}

/**
 * Persistence for API keys. Every method is atomic. A key's owner is the pair `(subjectKind,
 * subject)`: every lookup by owner compares both. A store enforces, itself, that an owner has at
 * most one *active* key per name key (a unique index in SQL, a synchronous check in memory), so two
 * concurrent creates of one name cannot both win. A key stops holding its name when it is revoked,
 * rolled (its replacement takes the name) or, at the next insert or rename of that name, expired.
 * Stores throw `ApiKeysError('conflict')` for a taken name; they never see secrets.
 */
export interface ApiKeyStore {
  /** Inserts a key, first releasing the name from expired keys; `conflict` if an active key holds it. */
  insert(record: NewApiKeyRecord, now: Date): Promise<StoredApiKey>
  /** One page of a subject's keys, newest first, and how many match in all. */
  list(query: ListKeysQuery): Promise<{ keys: StoredApiKey[]; totalCount: number }>
  /** A key by id, or null. */
  get(id: string): Promise<StoredApiKey | null>
  /** The key whose secret hashes to `secretHash`, with that hash, or null. */
  findBySecretHash(secretHash: string): Promise<{ key: StoredApiKey; secretHash: string } | null>
  /**
   * Revokes a subject's key; a revoked key keeps its first time, reason and `revokedBy` (the user
   * who revoked it, when known). Null if not found.
   */
  revoke(
    command: SubjectRef & { id: string; reason: string | null; revokedBy?: string | null; now: Date },
  ): Promise<StoredApiKey | null>
  /** Renames or re-describes a subject's key; `conflict` if the new name is taken. Null if not found. */
  update(
    command: SubjectRef & {
      id: string
      name?: { name: string; nameKey: string }
      description?: string | null
      now: Date
    },
  ): Promise<StoredApiKey | null>
  /**
   * Shortens the old key's life to the grace end, hands its name to the replacement and inserts it,
   * atomically. `conflict` if the old key is revoked, expired or already rolled. Null if not found.
   */
  roll(command: RollKeyCommand): Promise<{ previous: StoredApiKey; replacement: StoredApiKey } | null>
  /** Sets `lastUsedAt` to `now` if it is null or at/before `staleAt`; whether it wrote. */
  touchLastUsed(command: { id: string; now: Date; staleAt: Date }): Promise<boolean>
  /**
   * A rate limiter every process on this store's database shares (PostgreSQL). Absent where one
   * process owns the store (memory, embedded), whose in-process limiter already sees every request.
   */
  createSharedRateLimiter?(options: RateLimitOptions): RateLimiter
  /**
   * Hears keys changed by any process on this store's database (PostgreSQL: `LISTEN/NOTIFY` on a
   * connection of its own), so caches of verify answers can drop them at once. Absent where one
   * process owns the store (memory, embedded): the service that changes a key tells that process.
   */
  subscribeToChanges?(listener: KeyChangeListener): KeyChangeSubscription
  /** Releases connections or files. */
  close(): Promise<void>
}

/**
 * A change a cache of verify answers must hear: one key changed (revoked, rolled, renamed; by id,
 * never its secret or hash), or `all` when changes may have been missed (the listening connection
 * broke or came back), so everything cached must go.
 */
export type KeyChange = { kind: 'key'; id: string } | { kind: 'all' }

/** Told of each {@link KeyChange}. */
export type KeyChangeListener = (change: KeyChange) => void

/** A subscription to a store's key changes. */
export interface KeyChangeSubscription {
  /**
   * Whether changes made elsewhere are heard right now. While false (not yet connected, or the
   * connection is down), a change could go unheard, so answers must not be cached.
   */
  readonly live: boolean
  /** Stops hearing changes. */
  unsubscribe(): void
}
