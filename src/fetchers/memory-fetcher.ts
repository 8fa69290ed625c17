import { ApiKeysError, type ApiKeysErrorCode } from '../core/errors'
import type {
  ApiKeysFetcher,
  CreateKeyParams,
  ListKeysParams,
  RevokeKeyParams,
  RollKeyParams,
  UpdateKeyParams,
} from '../core/fetcher'
import { sha256Hex } from '../core/hash'
import { DEFAULT_KEY_PREFIX, generateApiKey, lastFourOf } from '../core/key-format'
import { getKeyStatus, isExpiredAt, isUsableStatus, matchesStatusFilter } from '../core/key-status'
import type { APIKeyResource, CreatedAPIKey } from '../core/types'
import {
  validateCreateInput,
  validateGracePeriod,
  validateRevocationReason,
  validateUpdateInput,
} from '../core/validation'

/** A key to start the memory backend with. Only `name` and `subject` are required. */
export interface MemorySeedKey {
  id?: string
  name: string
  subject: string
  description?: string | null
  scopes?: string[]
  claims?: Record<string, unknown> | null
  createdAt?: Date
  createdBy?: string | null
  expiration?: Date | null
  revokedAt?: Date | null
  revocationReason?: string | null
  lastUsedAt?: Date | null
  lastFour?: string
}

/** Options of {@link createMemoryFetcher}. */
export interface MemoryFetcherOptions {
  /** Keys present from the start. */
  seed?: MemorySeedKey[]
  /** Milliseconds every call waits before it answers (default 0). */
  latencyMs?: number
  /** Prefix of the secrets it issues (default `sk_`). */
  prefix?: string
  /** The clock, in milliseconds since the epoch (default `Date.now`). */
  now?: () => number
}

/** Which fetcher methods a simulated failure applies to. */
export type MemoryMethod = 'list' | 'create' | 'revoke' | 'update' | 'roll'

/** A simulated failure: an error code (with the kit's default message) or an error of your own. */
export type SimulatedFailure = ApiKeysErrorCode | ApiKeysError

/** The embedded backend: a full {@link ApiKeysFetcher} plus controls for stories and tests. */
export interface MemoryFetcher extends Required<ApiKeysFetcher> {
  /** Makes the next `times` calls (of `methods`, default all) reject with `failure`. */
  failNext(failure: SimulatedFailure, options?: { times?: number; methods?: MemoryMethod[] }): void
  /** Changes the simulated latency for the calls that follow. */
  setLatency(ms: number): void
  /** Marks a key as used now, as a backend does when it verifies the key. */
  touch(apiKeyId: string): void
  /** How many calls each method has answered or refused so far. */
  readonly calls: Readonly<Record<MemoryMethod, number>>
}

/** What a caller chooses about a key it issues; the backend sets the rest. */
type IssuedFields = Pick<APIKeyResource, 'name' | 'description' | 'claims' | 'scopes' | 'createdBy' | 'expiration'>

interface StoredKey {
  resource: APIKeyResource
  secretHash: string | null
}

const copy = (key: APIKeyResource): APIKeyResource => ({ ...key, scopes: [...key.scopes] })

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = (): void => reject(new DOMException('The request was cancelled.', 'AbortError'))
    if (signal.aborted) return abort()
    if (ms <= 0) return resolve()
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      abort()
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * An in-memory backend that behaves like a real one: it keeps only a SHA-256 hash and the last four
 * characters of each secret, lists newest first with case-insensitive name search and paging,
 * computes expiry from the clock, refuses a second active key with the same name for a subject,
 * and keeps the first time and reason when a key is revoked twice.
 */
export function createMemoryFetcher(options: MemoryFetcherOptions = {}): MemoryFetcher {
  const now = options.now ?? (() => Date.now())
  const prefix = options.prefix ?? DEFAULT_KEY_PREFIX
  let latency = options.latencyMs ?? 0
  let sequence = 0
  const keys: StoredKey[] = []
  const failures: { failure: SimulatedFailure; methods: MemoryMethod[] | undefined; left: number }[] = []
  const calls: Record<MemoryMethod, number> = { list: 0, create: 0, revoke: 0, update: 0, roll: 0 }

  const nextId = (): string => `ak_${(++sequence).toString(36).padStart(6, '0')}`

  for (const seed of options.seed ?? []) {
    const createdAt = seed.createdAt ?? new Date(now())
    const revokedAt = seed.revokedAt ?? null
    keys.push({
      secretHash: null,
      resource: {
        id: seed.id ?? nextId(),
        type: 'api_key',
        name: seed.name,
        subject: seed.subject,
        description: seed.description ?? null,
        claims: seed.claims ?? null,
        scopes: seed.scopes ?? [],
        createdAt,
        createdBy: seed.createdBy ?? null,
        updatedAt: revokedAt ?? createdAt,
        expiration: seed.expiration ?? null,
        expired: false,
        revoked: revokedAt !== null,
        revokedAt,
        revocationReason: seed.revocationReason ?? null,
        lastUsedAt: seed.lastUsedAt ?? null,
        prefix,
        lastFour: seed.lastFour ?? generateApiKey(prefix).slice(-4),
      },
    })
  }
  keys.sort((a, b) => b.resource.createdAt.getTime() - a.resource.createdAt.getTime())

  /**
   * Counts the call and claims a pending simulated failure at once; the promise settles after the
   * latency, rejecting with that failure if there was one.
   */
  function begin(method: MemoryMethod, signal: AbortSignal): Promise<void> {
    calls[method]++
    const index = failures.findIndex((entry) => entry.methods === undefined || entry.methods.includes(method))
    const pending = index === -1 ? undefined : failures[index]
    if (pending && --pending.left === 0) failures.splice(index, 1)
    return wait(latency, signal).then(() => {
      if (!pending) return
      const { failure } = pending
      throw typeof failure === 'string' ? new ApiKeysError(failure) : failure
    })
  }

  /** The resource as the backend would answer it at this moment. */
  function view(stored: StoredKey): APIKeyResource {
    const resource = copy(stored.resource)
    resource.expired = isExpiredAt(resource, now())
    return resource
  }

  function find(subject: string, apiKeyId: string): StoredKey {
    const stored = keys.find((entry) => entry.resource.id === apiKeyId && entry.resource.subject === subject)
    if (!stored) throw new ApiKeysError('not_found')
    return stored
  }

  function assertNameFree(subject: string, name: string, exceptId?: string): void {
    const at = now()
    const lower = name.toLowerCase()
    const taken = keys.some(
      ({ resource }) =>
        resource.subject === subject &&
        resource.id !== exceptId &&
        resource.name.toLowerCase() === lower &&
        isUsableStatus(getKeyStatus(resource, at)),
    )
    if (taken) throw new ApiKeysError('conflict', `An active API key named "${name}" already exists.`)
  }

  async function issue(subject: string, fields: IssuedFields): Promise<CreatedAPIKey> {
    const secret = generateApiKey(prefix)
    const createdAt = new Date(now())
    const resource: APIKeyResource = {
      ...fields,
      id: nextId(),
      type: 'api_key',
      subject,
      createdAt,
      updatedAt: createdAt,
      expired: false,
      revoked: false,
      revokedAt: null,
      revocationReason: null,
      lastUsedAt: null,
      prefix,
      lastFour: lastFourOf(secret),
    }
    keys.unshift({ resource, secretHash: await sha256Hex(secret) })
    return { ...view({ resource, secretHash: null }), secret }
  }

  const fetcher: MemoryFetcher = {
    async list(params: ListKeysParams) {
      // The snapshot is taken when the request arrives and answered after the latency, like a server
      // whose response is still on the wire while another request changes the data.
      const answered = begin('list', params.signal)
      const at = now()
      const query = params.query.trim().toLowerCase()
      const matches = keys.filter(
        ({ resource }) =>
          resource.subject === params.subject &&
          (query === '' || resource.name.toLowerCase().includes(query)) &&
          matchesStatusFilter(resource, params.status, at),
      )
      const start = (Math.max(1, params.page) - 1) * params.pageSize
      const page = { data: matches.slice(start, start + params.pageSize).map(view), totalCount: matches.length }
      await answered
      return page
    },

    async create(params: CreateKeyParams) {
      await begin('create', params.signal)
      const input = validateCreateInput(params)
      assertNameFree(params.subject, input.name)
      const expiration =
        input.secondsUntilExpiration === null ? null : new Date(now() + input.secondsUntilExpiration * 1000)
      return issue(params.subject, {
        name: input.name,
        description: input.description,
        claims: input.claims,
        scopes: input.scopes,
        createdBy: params.subjectKind === 'user' ? params.subject : null,
        expiration,
      })
    },

    async revoke(params: RevokeKeyParams) {
      await begin('revoke', params.signal)
      const reason = validateRevocationReason(params.revocationReason)
      const stored = find(params.subject, params.apiKeyId)
      if (!stored.resource.revoked) {
        const at = new Date(now())
        stored.resource = { ...stored.resource, revoked: true, revokedAt: at, revocationReason: reason, updatedAt: at }
      }
      return view(stored)
    },

    async update(params: UpdateKeyParams) {
      await begin('update', params.signal)
      const changes = validateUpdateInput(params)
      const stored = find(params.subject, params.apiKeyId)
      if (changes.name !== undefined) assertNameFree(params.subject, changes.name, stored.resource.id)
      stored.resource = { ...stored.resource, ...changes, updatedAt: new Date(now()) }
      return view(stored)
    },

    async roll(params: RollKeyParams) {
      await begin('roll', params.signal)
      const grace = validateGracePeriod(params.gracePeriodSeconds)
      const stored = find(params.subject, params.apiKeyId)
      const at = now()
      if (!isUsableStatus(getKeyStatus(stored.resource, at))) {
        throw new ApiKeysError('conflict', 'Only a key that still works can be rolled.')
      }
      const old = stored.resource
      const graceEnd = new Date(at + grace * 1000)
      const lifetime = old.expiration === null ? null : old.expiration.getTime() - old.createdAt.getTime()
      stored.resource = {
        ...old,
        expiration: old.expiration !== null && old.expiration < graceEnd ? old.expiration : graceEnd,
        updatedAt: new Date(at),
      }
      const replacement = await issue(params.subject, {
        name: old.name,
        description: old.description,
        claims: old.claims,
        scopes: [...old.scopes],
        createdBy: old.createdBy,
        expiration: lifetime === null ? null : new Date(at + lifetime),
      })
      return { replacement, previous: view(stored) }
    },

    failNext(failure, { times = 1, methods } = {}) {
      failures.push({ failure, methods, left: times })
    },

    setLatency(ms) {
      latency = ms
    },

    touch(apiKeyId) {
      const stored = keys.find((entry) => entry.resource.id === apiKeyId)
      if (stored) stored.resource = { ...stored.resource, lastUsedAt: new Date(now()) }
    },

    calls,
  }
  return fetcher
}
