/** Timing helpers shared by the server benchmarks: figures, percentiles, sequential and concurrent runs. */

/** One reported figure. */
export interface BenchFigure {
  name: string
  value: number
  unit: string
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

/** A run's three figures: throughput (per second) and the p50 and p99 of its latencies (ms, sorted here), in µs. */
function figuresOf(label: string, perSecond: number, latencies: Float64Array): BenchFigure[] {
  latencies.sort()
  return [
    { name: `${label} throughput`, value: Math.round(perSecond), unit: 'ops/s' },
    { name: `${label} p50`, value: percentile(latencies, 50) * 1000, unit: 'µs' },
    { name: `${label} p99`, value: percentile(latencies, 99) * 1000, unit: 'µs' },
  ]
}

/** Throughput, p50 and p99 (µs) of `count` calls made one at a time, after a warm-up. */
export async function timeSequential(
  label: string,
  count: number,
  run: (i: number) => Promise<boolean>,
  warmUp = Math.min(2_000, count),
): Promise<BenchFigure[]> {
  const latencies = new Float64Array(count)
  for (let i = 0; i < warmUp; i++) await run(i)
  const start = performance.now()
  for (let i = 0; i < count; i++) {
    const t = performance.now()
    if (!(await run(i))) throw new Error(`${label}: unexpected result at ${i}`)
    latencies[i] = performance.now() - t
  }
  return figuresOf(label, count / ((performance.now() - start) / 1000), latencies)
}

/** Throughput, p50 and p99 (µs) of `count` calls made by `concurrency` workers at once. */
export async function timeConcurrent(
  label: string,
  count: number,
  concurrency: number,
  run: (i: number) => Promise<boolean>,
): Promise<BenchFigure[]> {
  const latencies = new Float64Array(count)
  let next = 0
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const t = performance.now()
      if (!(await run(i))) throw new Error(`${label}: unexpected result at ${i}`)
      latencies[i] = performance.now() - t
    }
  }
  const start = performance.now()
  await Promise.all(Array.from({ length: concurrency }, worker))
  return figuresOf(label, count / ((performance.now() - start) / 1000), latencies)
}

/**
 * Times several variants of one operation taken in turns (a, b, c, a, b, c...), so a machine that
 * slows down or speeds up during the run weighs on each variant alike. Per variant: throughput,
 * p50 and p99 (µs) of `count` calls, after `warmUp` rounds.
 */
export async function timeInTurns(
  variants: readonly { label: string; run: (i: number) => Promise<boolean> }[],
  count: number,
  warmUp: number,
): Promise<BenchFigure[]> {
  for (let i = 0; i < warmUp; i++) for (const variant of variants) await variant.run(i)
  const latencies = variants.map(() => new Float64Array(count))
  const totals = variants.map(() => 0)
  for (let i = 0; i < count; i++) {
    for (const [v, variant] of variants.entries()) {
      const t = performance.now()
      if (!(await variant.run(i))) throw new Error(`${variant.label}: unexpected result at ${i}`)
      const took = performance.now() - t
      ;(latencies[v] as Float64Array)[i] = took
      totals[v] = (totals[v] ?? 0) + took
    }
  }
  return variants.flatMap((variant, v) =>
    figuresOf(variant.label, count / ((totals[v] ?? 0) / 1000), latencies[v] as Float64Array),
  )
}

/** What a run for a fixed time gave: calls a second and the median latency (ms). */
export interface RateFigure {
  perSecond: number
  medianMs: number
}

const LATENCY_BLOCK = 65_536

/**
 * Latencies kept in blocks of 65,536 doubles: a plain array of a million numbers is copied each time it
 * grows, and those copies of megabytes go straight to the old generation, setting off full
 * collections that, in a heap holding a million stored keys, cost more than what is being timed.
 */
class LatencyLog {
  private readonly blocks: Float64Array[] = []
  private used = LATENCY_BLOCK
  count = 0

  add(ms: number): void {
    if (this.used === LATENCY_BLOCK) {
      this.blocks.push(new Float64Array(LATENCY_BLOCK))
      this.used = 0
    }
    ;(this.blocks[this.blocks.length - 1] as Float64Array)[this.used++] = ms
    this.count++
  }

  /** The median, once timing is over. */
  median(): number {
    const all = new Float64Array(this.count)
    this.blocks.forEach((block, i) =>
      all.set(block.subarray(0, Math.min(LATENCY_BLOCK, this.count - i * LATENCY_BLOCK)), i * LATENCY_BLOCK),
    )
    all.sort()
    return all[Math.floor(all.length / 2)] ?? 0
  }
}

/**
 * Calls `run` for `seconds` (after `warmUp` calls) from `concurrency` workers at once, and gives
 * calls a second and the median latency. A fixed time, not a fixed count, so a fast store and a
 * slow one are each measured for as long.
 */
export async function timeFor(
  seconds: number,
  run: (i: number) => Promise<boolean>,
  { concurrency = 1, warmUp = 20 }: { concurrency?: number; warmUp?: number } = {},
): Promise<RateFigure> {
  for (let i = 0; i < warmUp; i++) if (!(await run(i))) throw new Error(`unexpected result in warm-up call ${i}`)
  const latencies = new LatencyLog()
  let next = warmUp
  const start = performance.now()
  const end = start + seconds * 1000
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      const i = next++
      const t = performance.now()
      if (!(await run(i))) throw new Error(`unexpected result in call ${i}`)
      latencies.add(performance.now() - t)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const elapsed = (performance.now() - start) / 1000
  return { perSecond: latencies.count / elapsed, medianMs: latencies.median() }
}
