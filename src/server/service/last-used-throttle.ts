/**
 * Remembers when each key's `lastUsedAt` was last written by this process, so a hot key is written
 * at most once per interval. Bounded: beyond `maxEntries` the oldest entries are forgotten (a
 * forgotten key costs one extra, SQL-guarded write, never a wrong answer).
 */
export class LastUsedThrottle {
  private readonly written = new Map<string, number>()

  constructor(
    readonly intervalMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  /** Whether a write for `id` is due at `now`; if so, records it as written. */
  claim(id: string, now: number): boolean {
    const last = this.written.get(id)
    if (last !== undefined && now - last < this.intervalMs) return false
    this.written.delete(id)
    if (this.written.size >= this.maxEntries) {
      const oldest = this.written.keys().next()
      if (!oldest.done) this.written.delete(oldest.value)
    }
    this.written.set(id, now)
    return true
  }

  /** Forgets a claim whose write failed, so the next use tries again. */
  release(id: string): void {
    this.written.delete(id)
  }
}
