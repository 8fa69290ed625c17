import { ApiKeysError } from '../../core/errors'
import type { RollKeyResult } from '../../core/fetcher'
import { DEFAULT_KEY_PREFIX, generateApiKey, isValidKeyPrefix, lastFourOf } from '../../core/key-format'
import type { HygieneFilter } from '../../core/key-hygiene'
import { rollOutcome } from '../../core/roll-outcome'
import type { APIKeyResource, APIKeysPage, APIKeyStatusFilter, CreatedAPIKey, SubjectKind } from '../../core/types'
import { validateGracePeriod, validateRevocationReason, validateUpdateInput } from '../../core/validation'
import type { ApiKeyStore, NewApiKeyRecord, StoredApiKey, SubjectRef } from '../stores/types'
import { systemClock, type Clock } from './clock'
import { checkCreateFields } from './create-input'
import { newApiKeyId } from './ids'
import { LastUsedThrottle } from './last-used-throttle'
import { validateListParams } from './list-params'
import { nameKeyOf } from './name-key'
import { toResource } from './resource'
import { checkSubjectRef } from './subject-ref'
import { assertSafeFields } from './text-safety'
import { createSecretHasher, type SecretHasher } from './secret-hash'
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limiter'
import { createVerify, type VerifyOptions, type VerifyResult } from './verify'
import { announceKeyChange, connectedVerifyCache } from './key-change-wiring'
import type { VerifyCacheOptions } from './verify-cache'

/** Options of {@link createApiKeyService}. */
export interface ApiKeyServiceOptions {
  store: ApiKeyStore
  /** Prefix of issued secrets, e.g. `sk_live_` (default `sk_`). Verify accepts only this prefix. */
  prefix?: string
  /** The clock (default `Date.now`). */
  now?: Clock
  /** Least time between two `lastUsedAt` writes for one key, in seconds (default 60). */
  lastUsedWriteIntervalSeconds?: number
  /** SHA-256 hex of a secret (default: `node:crypto` where the runtime has it, else Web Crypto). */
  hashSecret?: SecretHasher
  /**
   * How `verify` remembers store answers by secret hash (default on: 1 s, 10,000 keys); `false`
   * asks the store every time. A revoke, roll or edit made through any service on the store is
   * seen at once (on PostgreSQL by `LISTEN/NOTIFY`), and anything else within `ttlSeconds`.
   */
  verifyCache?: VerifyCacheOptions | false
}

/**
 * Whose keys: a subject id and whether it is a user or a team. A team and a user with one id are
 * different owners; every method compares both.
 */
export interface SubjectInput {
  /** The user or team id the keys belong to (the caller decides who may ask for which). */
  subject: string
  /** Whether `subject` is a user or a team (default `'user'`): give `'team'` for a team's keys. */
  subjectKind?: SubjectKind
}

/** Ask for a key. Fields other than `subject` and `subjectKind` are validated by the service. */
export interface CreateApiKeyInput extends SubjectInput {
  /** The user who asked for it, if any. */
  createdBy?: string | null
  name: unknown
  description?: unknown
  secondsUntilExpiration?: unknown
  scopes?: unknown
  claims?: unknown
}

/** Ask for a page of a subject's keys. */
export interface ListApiKeysInput extends SubjectInput {
  query?: unknown
  status?: APIKeyStatusFilter | unknown
  /** Only keys with this hygiene finding at the time of the request (`matchesHygiene`). */
  hygiene?: HygieneFilter | unknown
  page?: unknown
  pageSize?: unknown
}

/** Names one key of one subject. */
export interface KeyRef extends SubjectInput {
  apiKeyId: string
}

/** The service: issue, store, verify and manage API keys. Every method validates its input. */
export interface ApiKeyService {
  /** The prefix of the secrets it issues and accepts. */
  readonly prefix: string
  /** Issues a key; the result alone carries the secret. `conflict` if the subject has an active key of that name. */
  create(input: CreateApiKeyInput): Promise<CreatedAPIKey>
  /** One page of a subject's keys, newest first, with the total number of matches. */
  list(input: ListApiKeysInput): Promise<APIKeysPage>
  /** A key by id; with `subject` and `subjectKind`, only if it belongs to that owner. `not_found` otherwise. */
  get(input: { apiKeyId: string; subject?: string; subjectKind?: SubjectKind }): Promise<APIKeyResource>
  /**
   * Revokes a key; revoking twice keeps the first time, reason and revoker. `revokedBy` is the user
   * id of who revokes it (the handler passes its caller), shown as "Revoked by" in a key's details.
   */
  revoke(input: KeyRef & { revocationReason?: unknown; revokedBy?: string | null }): Promise<APIKeyResource>
  /** Renames a key or changes its description. */
  update(input: KeyRef & { name?: unknown; description?: unknown }): Promise<APIKeyResource>
  /** Issues a replacement (same name, scopes, subject); the old key works for the grace period, then expires. */
  roll(input: KeyRef & { gracePeriodSeconds: unknown }): Promise<RollKeyResult>
  /** Checks a secret: `{ valid: true, key }` or `{ valid: false, code }`. */
  verify(secret: unknown, options?: VerifyOptions): Promise<VerifyResult>
  /**
   * A per-caller rate limiter that holds wherever this service runs: shared by every instance on a
   * PostgreSQL store, in process memory for the memory and embedded stores (one process owns those).
   */
  rateLimiter(options?: RateLimitOptions): RateLimiter
}

const notFound = (): ApiKeysError => new ApiKeysError('not_found', 'That API key does not exist.')

/** Creates the API key service over a store. */
export function createApiKeyService(options: ApiKeyServiceOptions): ApiKeyService {
  const { store } = options
  const prefix = options.prefix ?? DEFAULT_KEY_PREFIX
  if (!isValidKeyPrefix(prefix)) throw new TypeError(`Invalid API key prefix "${prefix}".`)
  const now = options.now ?? systemClock
  const hashSecret = options.hashSecret ?? createSecretHasher()
  const intervalSeconds = options.lastUsedWriteIntervalSeconds ?? 60
  if (!(intervalSeconds >= 0)) throw new RangeError('lastUsedWriteIntervalSeconds must be 0 or more.')
  const throttle = new LastUsedThrottle(intervalSeconds * 1000)
  const cache = options.verifyCache === false ? null : connectedVerifyCache(store, options.verifyCache ?? {})
  /** Drops the key from every verify cache over this store in this process (others hear the store). */
  const changed = (id: string): void => announceKeyChange(store, { kind: 'key', id })

  async function newRecord(
    owner: SubjectRef,
    fields: Pick<NewApiKeyRecord, 'name' | 'description' | 'claims' | 'scopes' | 'createdBy' | 'expiration'>,
    at: number,
  ): Promise<{ record: NewApiKeyRecord; secret: string }> {
    const secret = generateApiKey(prefix)
    const record: NewApiKeyRecord = {
      ...fields,
      id: newApiKeyId(),
      subject: owner.subject,
      subjectKind: owner.subjectKind,
      nameKey: nameKeyOf(fields.name),
      createdAt: new Date(at),
      prefix,
      lastFour: lastFourOf(secret),
      secretHash: await hashSecret(secret),
    }
    return { record, secret }
  }

  const withSecret = (key: StoredApiKey, secret: string, at: number): CreatedAPIKey => ({
    ...toResource(key, at),
    secret,
  })

  return {
    prefix,

    async create(input) {
      const owner = checkSubjectRef(input)
      const valid = checkCreateFields(input)
      const at = now()
      const expiration =
        valid.secondsUntilExpiration === null ? null : new Date(at + valid.secondsUntilExpiration * 1000)
      const { record, secret } = await newRecord(
        owner,
        {
          name: valid.name,
          description: valid.description,
          claims: valid.claims,
          scopes: valid.scopes,
          createdBy: input.createdBy ?? null,
          expiration,
        },
        at,
      )
      return withSecret(await store.insert(record, new Date(at)), secret, at)
    },

    async list(input) {
      const owner = checkSubjectRef(input)
      const params = validateListParams(input)
      const at = now()
      const { keys, totalCount } = await store.list({
        ...owner,
        nameKeyContains: nameKeyOf(params.query),
        ...(params.status === undefined ? {} : { status: params.status }),
        ...(params.hygiene === undefined ? {} : { hygiene: params.hygiene }),
        offset: (params.page - 1) * params.pageSize,
        limit: params.pageSize,
        now: new Date(at),
      })
      return { data: keys.map((key) => toResource(key, at)), totalCount }
    },

    async get(input) {
      const owner =
        input.subject === undefined ? null : checkSubjectRef({ subject: input.subject, subjectKind: input.subjectKind })
      const key = await store.get(input.apiKeyId)
      if (key === null) throw notFound()
      if (owner !== null && (key.subject !== owner.subject || key.subjectKind !== owner.subjectKind)) throw notFound()
      return toResource(key, now())
    },

    async revoke({ apiKeyId, revocationReason, revokedBy, ...ref }) {
      const owner = checkSubjectRef(ref)
      const reason = validateRevocationReason(revocationReason)
      assertSafeFields({ revocationReason: reason })
      const at = now()
      const key = await store.revoke({
        id: apiKeyId,
        ...owner,
        reason,
        revokedBy: revokedBy ?? null,
        now: new Date(at),
      })
      if (key === null) throw notFound()
      changed(key.id)
      return toResource(key, at)
    },

    async update({ apiKeyId, name, description, ...ref }) {
      const owner = checkSubjectRef(ref)
      const changes = validateUpdateInput({ name, description })
      assertSafeFields(changes)
      const at = now()
      const key = await store.update({
        id: apiKeyId,
        ...owner,
        ...(changes.name === undefined ? {} : { name: { name: changes.name, nameKey: nameKeyOf(changes.name) } }),
        ...(changes.description === undefined ? {} : { description: changes.description }),
        now: new Date(at),
      })
      if (key === null) throw notFound()
      changed(key.id)
      return toResource(key, at)
    },

    async roll({ apiKeyId, gracePeriodSeconds, ...ref }) {
      const owner = checkSubjectRef(ref)
      const grace = validateGracePeriod(gracePeriodSeconds)
      const at = now()
      // The secret and its hash are made before the transaction; the record is finished inside it,
      // from the old key as locked there.
      const { record: draft, secret } = await newRecord(
        owner,
        { name: '', description: null, claims: null, scopes: [], createdBy: null, expiration: null },
        at,
      )
      const rolled = await store.roll({
        id: apiKeyId,
        ...owner,
        graceEnd: new Date(at + grace * 1000),
        now: new Date(at),
        replacement: (old) => ({
          ...draft,
          name: old.name,
          nameKey: nameKeyOf(old.name),
          description: old.description,
          claims: old.claims,
          scopes: [...old.scopes],
          createdBy: old.createdBy,
          // The one rule the roll dialog also shows the user before they confirm.
          expiration: rollOutcome(old, grace, at).replacementExpiresAt,
        }),
      })
      if (rolled === null) throw notFound()
      changed(rolled.previous.id)
      return { replacement: withSecret(rolled.replacement, secret, at), previous: toResource(rolled.previous, at) }
    },

    verify: createVerify({ store, prefix, now, hashSecret, throttle, cache }),

    rateLimiter: (options = {}) => store.createSharedRateLimiter?.(options) ?? createRateLimiter(options),
  }
}
