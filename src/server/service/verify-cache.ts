import type { KeyChange, StoredApiKey } from '../stores/types'

/** Options of the verify cache (`createApiKeyService({ verifyCache })`). */
export interface VerifyCacheOptions {
  /**
   * Most seconds a store answer is reused (default 1). Changes made through the service are heard
   * at once (in this process directly, on PostgreSQL by `LISTEN/NOTIFY`); this bounds how long a
   * change that was not heard (made behind the service's back, or while a connection was down
   * unnoticed) can go unseen. 0 turns the cache off.
   */
  ttlSeconds?: number
  /** Most keys remembered, and as many unknown secrets beside them (default 10,000 each); keys in use stay, the oldest unused go first. */
  maxEntries?: number
}

/** What the store answered for a secret's hash: the key and the hash it is stored under, or null (unknown). */
export type FoundKey = { key: StoredApiKey; secretHash: string } | null

interface KnownEntry {
  found: NonNullable<FoundKey>
  storedAt: number
  /** Answered since it was stored or last spared: the next eviction passes over it once (second chance). */
  used: boolean
}

const DEFAULT_TTL_SECONDS = 1
const DEFAULT_MAX_ENTRIES = 10_000

/**
 * Remembers what the store answered for a secret's SHA-256, so a hot key costs a map lookup. It
 * holds store rows and hashes, never a secret. Everything derived from time (expired, and the
 * revocation or expiration a row carries) is judged by the caller when it answers, not when the
 * row was cached. Known keys and unknown secrets are bounded apart, so a flood of made-up secrets
 * cannot push real keys out.
 *
 * An answer read while a change was heard may predate that change, so it is not kept: `remember`
 * takes the `generation` seen before the read and drops the answer if anything was forgotten since.
 */
export class VerifyCache {
  private readonly known = new Map<string, KnownEntry>()
  private readonly hashById = new Map<string, string>()
  private readonly unknown = new Map<string, number>()
  private readonly ttlMs: number
  private readonly maxEntries: number
  private changes = 0

  /** `live` says whether changes made elsewhere are heard right now; while it is false nothing is kept or served. */
  constructor(
    options: VerifyCacheOptions = {},
    private readonly live: () => boolean = () => true,
  ) {
    const ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS
    const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES
    if (!(ttlSeconds >= 0 && Number.isFinite(ttlSeconds)))
      throw new RangeError('verifyCache.ttlSeconds must be 0 or more.')
    if (!(Number.isInteger(maxEntries) && maxEntries >= 0))
      throw new RangeError('verifyCache.maxEntries must be a whole number, 0 or more.')
    this.ttlMs = ttlSeconds * 1000
    this.maxEntries = maxEntries
  }

  /** Counts what has been forgotten; an answer read across a change of it is not kept. */
  get generation(): number {
    return this.changes
  }

  /** How many keys and unknown secrets are held. */
  get size(): { known: number; unknown: number } {
    return { known: this.known.size, unknown: this.unknown.size }
  }

  /** The cached answer for `hash` at `now` (null: no such key), or undefined when the store must be asked. */
  lookup(hash: string, now: number): FoundKey | undefined {
    if (!this.live()) return undefined
    const entry = this.known.get(hash)
    if (entry !== undefined) {
      if (!this.isFresh(entry.storedAt, now)) {
        this.dropKnown(hash, entry.found.key.id)
        return undefined
      }
      // Marked, not moved: moving it to the end of the map on every answer cost a hot key a third of
      // its verify time (the map's table is rebuilt every few moves). Eviction spares marked entries.
      entry.used = true
      return entry.found
    }
    const storedAt = this.unknown.get(hash)
    if (storedAt === undefined) return undefined
    if (!this.isFresh(storedAt, now)) {
      this.unknown.delete(hash)
      return undefined
    }
    return null
  }

  /** Keeps the store's answer for `hash`, read at `readAt`, unless a change was heard since `generation`. */
  remember(hash: string, found: FoundKey, generation: number, readAt: number): void {
    if (generation !== this.changes || this.ttlMs === 0 || this.maxEntries === 0 || !this.live()) return
    if (found === null) {
      this.unknown.delete(hash)
      if (this.unknown.size >= this.maxEntries) this.evictOldestUnknown()
      this.unknown.set(hash, readAt)
      return
    }
    const previous = this.known.get(hash)
    if (previous !== undefined) this.dropKnown(hash, previous.found.key.id)
    // Every answer from this entry hands out the same claims object: frozen, so no caller can change the next answer.
    deepFreeze(found.key.claims)
    if (this.known.size >= this.maxEntries) this.evictUnusedKnown()
    this.known.set(hash, { found, storedAt: readAt, used: false })
    this.hashById.set(found.key.id, hash)
  }

  /** Forgets what a change makes stale: one key, or everything. */
  apply(change: KeyChange): void {
    this.changes++
    if (change.kind === 'all') {
      this.known.clear()
      this.hashById.clear()
      this.unknown.clear()
      return
    }
    const hash = this.hashById.get(change.id)
    if (hash !== undefined) this.dropKnown(hash, change.id)
  }

  /** Fresh while younger than the TTL; an entry from the future (the clock went back) is not trusted. */
  private isFresh(storedAt: number, now: number): boolean {
    return now >= storedAt && now - storedAt < this.ttlMs
  }

  private dropKnown(hash: string, id: string): void {
    this.known.delete(hash)
    this.hashById.delete(id)
  }

  /**
   * Evicts one known key, least recently used first, approximately (the "second chance" of CLOCK):
   * from the oldest, an entry answered since it was stored is spared once (unmarked, moved to the
   * end), and the first unmarked one goes. Each entry is moved at most once per eviction round.
   */
  private evictUnusedKnown(): void {
    for (const [hash, entry] of this.known) {
      if (!entry.used) {
        this.dropKnown(hash, entry.found.key.id)
        return
      }
      entry.used = false
      this.known.delete(hash)
      this.known.set(hash, entry)
    }
  }

  /** Evicts the unknown secret stored first (the nearest to its TTL; unknown answers are not worth keeping longer). */
  private evictOldestUnknown(): void {
    const oldest = this.unknown.keys().next()
    if (!oldest.done) this.unknown.delete(oldest.value)
  }
}

/** Freezes a JSON value and everything in it. */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const item of Object.values(value)) deepFreeze(item)
}
