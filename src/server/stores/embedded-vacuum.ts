/** What {@link createVacuumPolicy} needs: how to vacuum, how often, and whom to tell. */
export interface VacuumPolicyOptions {
  /** Runs one `VACUUM (ANALYZE)` of the store's tables. */
  vacuum: () => Promise<void>
  /** Writes between two vacuums; 0 turns the policy off. */
  every: number
  /** Told after each vacuum: null when it ran, else its (already safe) error. */
  onVacuum?: ((error: Error | null) => void) | undefined
}

/** Counts writes and starts a background vacuum every so many; see {@link createVacuumPolicy}. */
export interface VacuumPolicy {
  /** Starts a vacuum now unless one runs; the store calls it once it is open (migrated). */
  opened(): void
  /** Counts one write after `opened`; the `every`-th starts a vacuum. */
  noteWrite(): void
  /** Resolves when no vacuum runs (the store awaits it before closing the database). */
  drain(): Promise<void>
}

/**
 * PGlite runs no autovacuum, so the dead rows that `lastUsedAt` writes, revokes and rate-limit
 * updates leave behind would pile up, and index-only scans would visit the heap for ever. This
 * policy vacuums in the background: never awaited by a request, at most one at a time. PGlite has
 * one connection, so while a vacuum runs the queries queued behind it wait: it is kept to the
 * store's own tables, not the whole database, and runs once per `every` writes, not on a clock.
 */
export function createVacuumPolicy(options: VacuumPolicyOptions): VacuumPolicy {
  let writes = 0
  let running: Promise<void> | null = null
  /** False while migrations run: their tables may not exist yet. */
  let open = false

  function start(): void {
    if (options.every <= 0 || running !== null) return
    writes = 0
    running = options
      .vacuum()
      .then(
        () => options.onVacuum?.(null),
        (error: unknown) => options.onVacuum?.(error instanceof Error ? error : new Error('VACUUM failed.')),
      )
      .finally(() => {
        running = null
      })
  }

  return {
    opened() {
      open = true
      start()
    },
    noteWrite() {
      if (!open) return
      writes++
      if (writes >= options.every) start()
    },
    async drain() {
      await running
    },
  }
}
