import { ApiKeysError, type ApiKeysErrorCode } from '../core/errors'
import type {
  ApiKeysFetcher,
  CreateKeyParams,
  FetcherSupports,
  ListKeysParams,
  RevokeKeyParams,
  RollKeyParams,
  UpdateKeyParams,
} from '../core/fetcher'
import { DEFAULT_KEY_PREFIX } from '../core/key-format'
import type { SubjectKind } from '../core/types'
import { createApiKeyService } from '../server/service/api-key-service'
import { createMemoryStore } from '../server/stores/memory-store'
import { seedStore } from './memory-seed'

/** A key to start the memory backend with. Only `name` and `subject` are required. */
export interface MemorySeedKey {
  id?: string
  name: string
  subject: string
  /** Whether `subject` is a user or a team (default `'user'`); a team's keys need `'team'`. */
  subjectKind?: SubjectKind
  description?: string | null
  scopes?: string[]
  claims?: Record<string, unknown> | null
  createdAt?: Date
  createdBy?: string | null
  expiration?: Date | null
  revokedAt?: Date | null
  revocationReason?: string | null
  /** Who revoked it (a user id), for a seed key with `revokedAt`. */
  revokedBy?: string | null
  lastUsedAt?: Date | null
  lastFour?: string
}

/** Options of {@link createMemoryFetcher}. */
export interface MemoryFetcherOptions {
  /** Keys present from the start. Two active keys of one owner may not share a name, as on a server. */
  seed?: MemorySeedKey[]
  /** Milliseconds every call waits before it answers (default 0). */
  latencyMs?: number
  /** Prefix of the secrets it issues (default `sk_`). */
  prefix?: string
  /** The clock, in milliseconds since the epoch (default `Date.now`). */
  now?: () => number
  /**
   * The signed-in user acting through this backend, recorded as the creator of the keys it creates and
   * the revoker of the keys it revokes, a team's too. Default: the key's owner for a user's key,
   * unknown (null) for a team's.
   */
  userId?: string
}

/** Which fetcher methods a simulated failure applies to. */
export type MemoryMethod = 'list' | 'create' | 'revoke' | 'update' | 'roll'

/** A simulated failure: an error code (with the kit's default message) or an error of your own. */
export type SimulatedFailure = ApiKeysErrorCode | ApiKeysError

/** The embedded backend: a full {@link ApiKeysFetcher} plus controls for stories and tests. */
export interface MemoryFetcher extends Required<ApiKeysFetcher>, FetcherSupports {
  /** Makes the next `times` calls (of `methods`, default all) reject with `failure`. */
  failNext(failure: SimulatedFailure, options?: { times?: number; methods?: MemoryMethod[] }): void
  /** Changes the simulated latency for the calls that follow. */
  setLatency(ms: number): void
  /** Marks a key as used now, as the server does when it verifies the key. */
  touch(apiKeyId: string): Promise<void>
  /** How many calls each method has answered or refused so far. */
  readonly calls: Readonly<Record<MemoryMethod, number>>
}

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
 * The embedded backend: the server's own `createApiKeyService` on its memory store, in the browser
 * or in Node. Naming (NFC, case-insensitive, one active key per name and owner), expiry, revoking
 * twice, rolling and conflicts are the server's rules, not a copy of them. Around the service it
 * adds what stories and tests need: a simulated latency that a signal cancels, failures on demand,
 * call counts, `touch`, and seed keys with any dates. Where the server records its authenticated
 * caller as a key's creator or revoker, it records `userId`, or failing that the owner of a user's key.
 */
export function createMemoryFetcher(options: MemoryFetcherOptions = {}): MemoryFetcher {
  const now = options.now ?? (() => Date.now())
  const prefix = options.prefix ?? DEFAULT_KEY_PREFIX
  const store = createMemoryStore()
  // Every use is written at once: a story's `touch` shows at the next list.
  const service = createApiKeyService({ store, prefix, now, lastUsedWriteIntervalSeconds: 0 })
  const seeded = seedStore(store, options.seed ?? [], { prefix, now })
  // A seed that breaks a rule rejects every call with that error; nothing is left unhandled meanwhile.
  seeded.catch(() => undefined)
  let latency = options.latencyMs ?? 0
  const failures: { failure: SimulatedFailure; methods: MemoryMethod[] | undefined; left: number }[] = []
  const calls: Record<MemoryMethod, number> = { list: 0, create: 0, revoke: 0, update: 0, roll: 0 }
  // The params carry a key's owner, not who acts: the signed-in user is `userId`; without it, the
  // owner of a user's key acts on it, and who acts on a team's is not known.
  const actor = (subject: string, subjectKind: SubjectKind): string | null =>
    options.userId ?? (subjectKind === 'user' ? subject : null)

  /**
   * Counts the call and claims a pending simulated failure at once; the promise settles after the
   * seeds are in and the latency has passed, rejecting with that failure if there was one.
   */
  function begin(method: MemoryMethod, signal: AbortSignal): Promise<void> {
    calls[method]++
    const index = failures.findIndex((entry) => entry.methods === undefined || entry.methods.includes(method))
    const pending = index === -1 ? undefined : failures[index]
    if (pending && --pending.left === 0) failures.splice(index, 1)
    return Promise.all([seeded, wait(latency, signal)]).then(() => {
      if (!pending) return
      const { failure } = pending
      throw typeof failure === 'string' ? new ApiKeysError(failure) : failure
    })
  }

  const fetcher: MemoryFetcher = {
    // Its list runs the server's hygiene filter, so the manager counts and filters every key.
    supports: { hygiene: true },

    async list(params: ListKeysParams) {
      // The page is read when the request arrives and answered after the latency, like a server
      // whose response is still on the wire while another request changes the data.
      const answered = begin('list', params.signal)
      const page = seeded.then(() =>
        service.list({
          subject: params.subject,
          subjectKind: params.subjectKind,
          query: params.query,
          status: params.status,
          hygiene: params.hygiene,
          page: params.page,
          pageSize: params.pageSize,
        }),
      )
      page.catch(() => undefined)
      await answered
      return page
    },

    async create(params: CreateKeyParams) {
      await begin('create', params.signal)
      return service.create({
        subject: params.subject,
        subjectKind: params.subjectKind,
        createdBy: actor(params.subject, params.subjectKind),
        name: params.name,
        description: params.description,
        secondsUntilExpiration: params.secondsUntilExpiration,
        scopes: params.scopes,
        claims: params.claims,
      })
    },

    async revoke(params: RevokeKeyParams) {
      await begin('revoke', params.signal)
      const { subject, subjectKind, apiKeyId, revocationReason } = params
      const revokedBy = actor(subject, subjectKind)
      return service.revoke({ subject, subjectKind, apiKeyId, revocationReason, revokedBy })
    },

    async update(params: UpdateKeyParams) {
      await begin('update', params.signal)
      const { subject, subjectKind, apiKeyId, name, description } = params
      return service.update({ subject, subjectKind, apiKeyId, name, description })
    },

    async roll(params: RollKeyParams) {
      await begin('roll', params.signal)
      const { subject, subjectKind, apiKeyId, gracePeriodSeconds } = params
      // As on the server, the replacement keeps the old key's creator, whoever rolls it.
      return service.roll({ subject, subjectKind, apiKeyId, gracePeriodSeconds })
    },

    failNext(failure, { times = 1, methods } = {}) {
      failures.push({ failure, methods, left: times })
    },

    setLatency(ms) {
      latency = ms
    },

    async touch(apiKeyId) {
      await seeded
      const at = new Date(now())
      await store.touchLastUsed({ id: apiKeyId, now: at, staleAt: at })
    },

    calls,
  }
  return fetcher
}
