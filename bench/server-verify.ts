/**
 * Verify throughput and latency of `react-api-keys/server`:
 * - in-process: `service.verify` on the memory store (valid keys, then malformed ones, then valid
 *   keys with the portable Web Crypto hasher for comparison), one call at a time on one core;
 * - over HTTP: an endpoint guarded by `requireApiKey`, served by `toNodeHandler` on 127.0.0.1,
 *   a bounded number of requests at a fixed concurrency (loopback only).
 *
 * - on PostgreSQL (when `RAK_BENCH_PG_URL` or `RAK_TEST_PG_URL` is set): the shared rate limiter's
 *   cost per create beside the in-process one, and verify with `RAK_BENCH_PG_KEYS` keys in the
 *   table (default 10,000; `RAK_BENCH_PG_KEYS=1000000` for the one-million-key figure). See
 *   bench/server-postgres.ts.
 *
 * `npm run bench:server` prints the table of bench/server-table.ts (every store at 1,000, 100,000
 * and 1,000,000 keys beside its floor; see there for its settings), and these figures after it
 * with `RAK_BENCH_DETAILS=1`. `runServerVerifyBench()` returns these figures (bench/run.ts).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { sha256Hex } from '../src/core/hash'
import { toNodeHandler } from '../src/server/http/node-adapter'
import { requireApiKey } from '../src/server/http/require-api-key'
import { createApiKeyService, type ApiKeyService } from '../src/server/service/api-key-service'
import { createMemoryStore } from '../src/server/stores/memory-store'
import { runPostgresBench, postgresBenchSettings } from './server-postgres'
import { renderServerTable, runServerTable } from './server-table'
import { percentile, timeSequential, type BenchFigure } from './server-timing'

export type { BenchFigure } from './server-timing'

const KEYS = 1_000
const IN_PROCESS_VALID = 200_000
const IN_PROCESS_MALFORMED = 200_000
const IN_PROCESS_WEB_CRYPTO = 20_000
const HTTP_REQUESTS = 5_000
const HTTP_CONCURRENCY = 16

async function issueKeys(service: ApiKeyService, count: number): Promise<string[]> {
  const secrets: string[] = []
  for (let i = 0; i < count; i++)
    secrets.push((await service.create({ subject: `user_${i % 50}`, name: `bench ${i}`, scopes: ['read'] })).secret)
  return secrets
}

async function inProcess(): Promise<BenchFigure[]> {
  const store = createMemoryStore()
  const service = createApiKeyService({ store })
  const secrets = await issueKeys(service, KEYS)
  const malformed = secrets.map((secret) => secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A'))
  const portable = createApiKeyService({ store, hashSecret: sha256Hex })
  return [
    ...(await timeSequential(
      'verify in-process (valid)',
      IN_PROCESS_VALID,
      async (i) => (await service.verify(secrets[i % KEYS], { scopes: ['read'] })).valid,
    )),
    ...(await timeSequential('verify in-process (malformed)', IN_PROCESS_MALFORMED, async (i) => {
      const result = await service.verify(malformed[i % KEYS])
      return !result.valid && result.code === 'malformed'
    })),
    ...(await timeSequential(
      'verify in-process, Web Crypto hasher (valid)',
      IN_PROCESS_WEB_CRYPTO,
      async (i) => (await portable.verify(secrets[i % KEYS])).valid,
    )),
  ]
}

async function overHttp(): Promise<BenchFigure[]> {
  const service = createApiKeyService({ store: createMemoryStore() })
  const secrets = await issueKeys(service, 100)
  const server = createServer(
    toNodeHandler(async (request) => {
      const auth = await requireApiKey(request, { service, scopes: ['read'] })
      if (auth instanceof Response) return auth
      return new Response(JSON.stringify({ subject: auth.subject }), {
        headers: { 'content-type': 'application/json' },
      })
    }),
  )
  server.keepAliveTimeout = 10_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/protected`
  try {
    const latencies = new Float64Array(HTTP_REQUESTS)
    let next = 0
    const worker = async (): Promise<void> => {
      for (let i = next++; i < HTTP_REQUESTS; i = next++) {
        const t = performance.now()
        const response = await fetch(url, { headers: { authorization: `Bearer ${secrets[i % secrets.length]}` } })
        await response.arrayBuffer()
        if (response.status !== 200) throw new Error(`HTTP ${response.status}`)
        latencies[i] = performance.now() - t
      }
    }
    // Warm-up, then the measured run.
    await Promise.all(
      Array.from({ length: HTTP_CONCURRENCY }, async () => {
        for (let i = 0; i < 20; i++)
          await (await fetch(url, { headers: { 'x-api-key': secrets[0] ?? '' } })).arrayBuffer()
      }),
    )
    const start = performance.now()
    await Promise.all(Array.from({ length: HTTP_CONCURRENCY }, worker))
    const seconds = (performance.now() - start) / 1000
    latencies.sort()
    return [
      {
        name: `verify over HTTP (loopback, concurrency ${HTTP_CONCURRENCY}) throughput`,
        value: Math.round(HTTP_REQUESTS / seconds),
        unit: 'req/s',
      },
      { name: 'verify over HTTP p50', value: percentile(latencies, 50), unit: 'ms' },
      { name: 'verify over HTTP p99', value: percentile(latencies, 99), unit: 'ms' },
    ]
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}

/**
 * Runs the in-process and loopback HTTP verify benchmarks and, when a PostgreSQL is named
 * (`RAK_BENCH_PG_URL` or `RAK_TEST_PG_URL`), the PostgreSQL ones; returns their figures.
 */
export async function runServerVerifyBench(): Promise<BenchFigure[]> {
  const postgres = postgresBenchSettings()
  return [...(await inProcess()), ...(await overHttp()), ...(postgres === null ? [] : await runPostgresBench(postgres))]
}

function format(figure: BenchFigure): string {
  const value =
    figure.unit === 'ops/s' || figure.unit === 'req/s'
      ? figure.value.toLocaleString('en-US')
      : figure.value.toFixed(figure.unit === 'µs' ? 1 : 2)
  return `${figure.name.padEnd(72)} ${value.padStart(12)} ${figure.unit}`
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const table = renderServerTable(await runServerTable())
  console.log(`server bench (node ${process.version}, ${new Date().toISOString()})\n\n${table}`)
  if (process.env.RAK_BENCH_DETAILS === '1') {
    const figures = await runServerVerifyBench()
    console.log('\nserver verify details')
    for (const figure of figures) console.log(format(figure))
  }
}
