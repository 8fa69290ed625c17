import { isWellFormedApiKey } from '../../core/key-format'
import { isExpiredAt } from '../../core/key-status'
import type { APIKeyResource } from '../../core/types'
import type { ApiKeyStore } from '../stores/types'
import type { Clock } from './clock'
import { constantTimeEqual } from './constant-time'
import type { LastUsedThrottle } from './last-used-throttle'
import { toResource } from './resource'
import type { SecretHasher } from './secret-hash'
import type { FoundKey, VerifyCache } from './verify-cache'

/** Why a secret was refused. */
export type VerifyFailureCode = 'malformed' | 'not_found' | 'revoked' | 'expired' | 'insufficient_scope'

/** The answer of `verify`: the key, or why not. A refusal never carries the key. */
export type VerifyResult = { valid: true; key: APIKeyResource } | { valid: false; code: VerifyFailureCode }

/** Options of `verify`. */
export interface VerifyOptions {
  /** Scopes the key must all carry. */
  scopes?: readonly string[]
}

interface VerifyDeps {
  store: ApiKeyStore
  prefix: string
  now: Clock
  hashSecret: SecretHasher
  throttle: LastUsedThrottle
  /** Remembered store answers by secret hash; null when the service caches nothing. */
  cache: VerifyCache | null
}

const refuse = (code: VerifyFailureCode): VerifyResult => ({ valid: false, code })

/** Whether `granted` holds every scope of `required` (a loop: verify runs per request, and a callback per call is garbage). */
function hasEveryScope(granted: readonly string[], required: readonly string[]): boolean {
  for (const scope of required) if (!granted.includes(scope)) return false
  return true
}

/**
 * Makes `verify`. The order is fixed: shape and checksum (offline, so junk never reaches the store),
 * then a lookup by SHA-256 (the secret is never compared to anything stored; the hash found is
 * compared in constant time), then revoked, expired, scopes. A valid use writes `lastUsedAt` at most
 * once per interval per key, across every instance on one database: no write while the stored
 * `lastUsedAt` is within the interval (another instance wrote it), at most one attempt per interval
 * in each process otherwise, and the store's UPDATE is guarded again, so of racing instances one
 * writes.
 *
 * With a cache, the row may come from memory (at most the cache's TTL old, and dropped as soon as
 * a change to the key is heard); revoked, expired and scopes are still judged now, from the row.
 * A row cached before another instance wrote `lastUsedAt` can cost this process one UPDATE that
 * the guard turns into a no-op, never a second write.
 */
export function createVerify(deps: VerifyDeps): (secret: unknown, options?: VerifyOptions) => Promise<VerifyResult> {
  const { store, prefix, now, hashSecret, throttle, cache } = deps

  /** Store reads under way, by hash: callers that miss the cache together share one read. */
  const reading = new Map<string, { generation: number; found: Promise<FoundKey> }>()

  /**
   * The store's answer for `hash`, read at `readAt`, kept in the cache when there is one. A read
   * already under way is joined only if no change was heard since it began (after a revoke here, a
   * new read).
   */
  async function readStore(hash: string, readAt: number): Promise<FoundKey> {
    if (cache === null) return store.findBySecretHash(hash)
    const generation = cache.generation
    const underWay = reading.get(hash)
    if (underWay !== undefined && underWay.generation === generation) return underWay.found
    const read = { generation, found: store.findBySecretHash(hash) }
    reading.set(hash, read)
    try {
      const found = await read.found
      cache.remember(hash, found, generation, readAt)
      return found
    } finally {
      if (reading.get(hash) === read) reading.delete(hash)
    }
  }

  return async (secret, options = {}) => {
    if (!isWellFormedApiKey(secret, { prefix })) return refuse('malformed')
    // A hot key is answered without a promise of its own: the Node hash is synchronous, and a fresh
    // cached answer is taken here rather than through the store's read.
    const hashed = hashSecret(secret as string)
    const hash = typeof hashed === 'string' ? hashed : await hashed
    const readAt = now()
    const cached = cache?.lookup(hash, readAt)
    const found = cached === undefined ? await readStore(hash, readAt) : cached
    if (found === null || !constantTimeEqual(found.secretHash, hash)) return refuse('not_found')
    const { key } = found
    // Judged when answering: a cached answer is given at the moment it was looked up, a store's after its read.
    const at = cached === undefined ? now() : readAt
    if (key.revokedAt !== null) return refuse('revoked')
    if (isExpiredAt(key, at)) return refuse('expired')
    if (options.scopes !== undefined && !hasEveryScope(key.scopes, options.scopes)) return refuse('insufficient_scope')
    // The row just read says when any instance last wrote: if that is within the interval, another
    // instance (or this one) already did, so no statement is sent at all.
    const writtenRecently = key.lastUsedAt !== null && at - key.lastUsedAt.getTime() < throttle.intervalMs
    if (!writtenRecently && throttle.claim(key.id, at)) {
      try {
        const wrote = await store.touchLastUsed({
          id: key.id,
          now: new Date(at),
          staleAt: new Date(at - throttle.intervalMs),
        })
        if (wrote) key.lastUsedAt = new Date(at)
      } catch {
        // Recording use is best effort: a failed write must not refuse a valid key. Try again next use.
        throttle.release(key.id)
      }
    }
    return { valid: true, key: toResource(key, at) }
  }
}
