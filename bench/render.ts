// Render, interaction and request costs in real Chromium, on a production build of bench/render.
import { createReadStream, existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright'
import { build } from 'vite'
import { chromiumArgs, chromiumPath } from '../test/browser/chromium.ts'

const pageDir = fileURLToPath(new URL('./results/.page', import.meta.url))
const RUNS = 11

/** A measured figure over fresh pages: median, min, max. */
export interface Spread {
  median: number
  min: number
  max: number
  runs: number
}

const spread = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, runs: values.length }
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }

/** Serves the built page on 127.0.0.1 only. */
function serve(): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    const file = normalize(join(pageDir, path === '/' ? 'index.html' : path))
    if (!file.startsWith(pageDir) || !existsSync(file)) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(response)
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  )
}

async function load(
  browser: Browser,
  url: string,
  drive?: (page: Page) => Promise<void>,
): Promise<{ result: Record<string, number>; heapBytes: number }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  try {
    // The page says when it is done on its console, so the runner injects nothing while it measures.
    const done = page.waitForEvent('console', {
      predicate: (message) => message.text() === 'bench:done',
      timeout: 30_000,
    })
    const ready =
      drive &&
      page.waitForEvent('console', { predicate: (message) => message.text() === 'bench:ready', timeout: 30_000 })
    await page.goto(url)
    if (drive) {
      await ready
      await drive(page)
    }
    await done
    const error = await page.evaluate(() => window.__error)
    if (error) throw new Error(error)
    const result = (await page.evaluate(() => window.__result)) ?? {}
    const cdp = await context.newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
    return { result, heapBytes: heap.usedSize }
  } finally {
    await context.close()
  }
}

/** Bytes of a script's functions that ran: each function's own text, without the functions inside it. */
function ranBytes(
  functions: readonly { ranges: readonly { startOffset: number; endOffset: number; count: number }[] }[],
): number {
  // Outer functions first; each function's text is taken out of the one around it.
  const spans = functions
    .map((fn) => fn.ranges[0])
    .filter((range) => range !== undefined)
    .sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset)
  const own = new Map(spans.map((span) => [span, span.endOffset - span.startOffset]))
  const around: typeof spans = []
  for (const span of spans) {
    while (around.length > 0 && (around[around.length - 1]?.endOffset ?? 0) <= span.startOffset) around.pop()
    const outer = around[around.length - 1]
    if (outer !== undefined) own.set(outer, (own.get(outer) ?? 0) - (span.endOffset - span.startOffset))
    around.push(span)
  }
  // The script's top level ran when it loaded, before the clock; it is not counted.
  return spans.reduce((sum, span) => (span.count > 0 && span.startOffset > 0 ? sum + (own.get(span) ?? 0) : sum), 0)
}

/**
 * Bytes of the page's JavaScript (minified, as shipped) run between the mount and the rows on screen,
 * by V8's precise coverage: code that runs there for the first time is compiled there, so this is the
 * first paint's JavaScript work, counted rather than timed, and it does not move with the machine's
 * load. The bench page's own few functions (waiting for the rows) are counted alike in every scenario.
 */
async function scriptRunToRows(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  try {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false })
    const holding = page.waitForEvent('console', { predicate: (m) => m.text() === 'bench:hold', timeout: 30_000 })
    const done = page.waitForEvent('console', { predicate: (m) => m.text() === 'bench:done', timeout: 30_000 })
    await page.goto(`${url}&hold=1`)
    await holding
    // Taking the coverage resets its counts: what ran before the clock is not counted.
    await cdp.send('Profiler.takePreciseCoverage')
    await page.evaluate(() => window.__go?.())
    await done
    const { result } = await cdp.send('Profiler.takePreciseCoverage')
    return result
      .filter((script) => script.url.includes('/assets/'))
      .reduce((sum, script) => sum + ranBytes(script.functions), 0)
  } finally {
    await context.close()
  }
}

/** Every browser measurement of the bench. */
export async function measureRender(): Promise<Record<string, unknown>> {
  await build({ configFile: fileURLToPath(new URL('./render/vite.config.ts', import.meta.url)) })
  const { server, base } = await serve()
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  const out: Record<string, unknown> = {}
  try {
    const scenarios = [
      ['floor: React alone, 10 rows', 'scenario=floor&n=10'],
      ['floor: React alone, 100 rows', 'scenario=floor&n=100'],
      ['floor: React alone, 1000 rows', 'scenario=floor&n=1000'],
      ['Zuplo ApiKeyManager 10 keys', 'scenario=zuplo&n=10'],
      ['Zuplo ApiKeyManager 100 keys', 'scenario=zuplo&n=100'],
      ['Zuplo ApiKeyManager 1000 keys', 'scenario=zuplo&n=1000'],
      ['manager 10 keys', 'scenario=manager&n=10'],
      ['manager 100 keys', 'scenario=manager&n=100'],
      ['manager 1000 keys', 'scenario=manager&n=1000'],
      ['useApiKeys list 1000 keys', 'scenario=stack&n=1000'],
    ] as const
    // Round robin: each round loads every scenario once, so a machine that slows down for a while
    // slows every scenario alike, and the kit and Zuplo are compared under the same conditions.
    const runs = new Map<string, Awaited<ReturnType<typeof load>>[]>(scenarios.map(([name]) => [name, []]))
    for (let i = 0; i < RUNS; i++) {
      for (const [name, query] of scenarios) runs.get(name)?.push(await load(browser, `${base}/?${query}`))
    }
    for (const [name, measured] of runs) {
      out[name] = {
        mountToRowsVisibleMs: spread(measured.map((run) => run.result.ms ?? 0)),
        mountToRowsInDomMs: spread(measured.map((run) => run.result.msToDom ?? 0)),
        heapAfterGcBytes: spread(measured.map((run) => run.heapBytes)),
        domNodes: measured[0]?.result.domNodes ?? 0,
      }
    }
    const firstPaintScript: Record<string, number> = {}
    for (const [name, query] of [
      ['floor: React alone', 'scenario=floor&n=10'],
      ['Zuplo ApiKeyManager', 'scenario=zuplo&n=10'],
      ['manager', 'scenario=manager&n=10'],
      ['hooks alone (useApiKeys, a plain list)', 'scenario=stack&n=10'],
    ] as const)
      firstPaintScript[name] = await scriptRunToRows(browser, `${base}/?${query}`)
    out['JavaScript run from mount to 10 rows on screen (bytes, minified)'] = firstPaintScript

    const revokes = []
    for (let i = 0; i < RUNS; i++) revokes.push((await load(browser, `${base}/?scenario=revoke&n=100`)).result.ms ?? 0)
    out['revoke click to row Revoked (optimistic)'] = { ms: spread(revokes) }

    const searches: Record<string, number>[] = []
    for (let i = 0; i < RUNS; i++) {
      const { result } = await load(browser, `${base}/?scenario=search&n=100`, async (page) => {
        await page.getByRole('searchbox', { name: 'Search keys' }).pressSequentially('Billing wo', { delay: 40 })
      })
      searches.push(result)
    }
    out['typing a 10-character search'] = {
      msFromLastKeystrokeToRows: spread(searches.map((result) => result.msFromLastKeystroke ?? 0)),
      listRequests: spread(searches.map((result) => result.listRequests ?? 0)),
      note: 'includes the 300 ms search debounce',
    }
    out.requests = {
      ...(await load(browser, `${base}/?scenario=requests&n=30`)).result,
      ...(await load(browser, `${base}/?scenario=page-back&n=30`)).result,
    }
  } finally {
    await browser.close()
    server.close()
  }
  return out
}
