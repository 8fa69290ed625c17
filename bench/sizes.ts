// Bundle weight of what an app pays for each way of using the kit: esbuild, minified, gzip level 9,
// on the built package (run `npm run build` first). `--check` fails when a byte budget is passed.
// The manager is also measured as an app ships it: split as `esbuild --splitting` splits it, the
// first paint being the entry chunk and the chunks it imports statically (the dialogs, the details
// sheet and Radix Dialog are dynamic imports, loaded when needed).
import { build, type Metafile } from 'esbuild'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { BYTE_BUDGETS } from './budgets.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const gzip = (bytes: Uint8Array | string): number => gzipSync(bytes, { level: 9 }).length

/** One measured bundle. */
export interface SizeRow {
  entry: string
  externals: 'react+react-dom+react-query' | 'react+react-dom'
  rawBytes: number
  gzipBytes: number
  /** Gzip of the kit's own code alone (every dependency external). */
  ownGzipBytes: number
  /** Raw bytes of the bundle by origin: the kit, and each dependency. */
  byOrigin: Record<string, number>
}

/** One chunk of the split manager. */
export interface ChunkSize {
  file: string
  rawBytes: number
  gzipBytes: number
  /** Loaded for the first paint: the entry chunk or one it imports statically. */
  firstPaint: boolean
}

/** The manager with `createRestFetcher`, every dependency but React bundled, split into chunks. */
export interface SplitSize {
  chunks: ChunkSize[]
  /** Gzip of the entry chunk and its static imports, each chunk compressed on its own as it is served. */
  firstPaintGzipBytes: number
  /** Gzip of every chunk: everything a user can open. */
  allGzipBytes: number
  /** Raw bytes in the first paint of code that belongs on demand (Radix, DialogShell, dialogs, details). */
  onDemandInFirstPaint: Record<string, number>
}

const ENTRIES = {
  'whole kit': 'whole-kit.ts',
  '<APIKeysManager>': 'manager.ts',
  'Provider + useAPIKeys': 'hooks.ts',
  'core helpers': 'core.ts',
} as const

const REACT = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client']
const QUERY = ['@tanstack/react-query']
const ALL_DEPS = [...REACT, ...QUERY, '@radix-ui/*', 'clsx']

function originOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)
  return match?.[1] ?? 'react-api-keys'
}

/** Code only an opened dialog or the details sheet needs: their components, and Radix Dialog with its helpers. */
const ON_DEMAND =
  /node_modules\/(@radix-ui|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|aria-hidden|use-sidecar|use-callback-ref)\/|\/components\/(dialogs|details)\/[A-Z]|DialogShell/

/** How every measured entry is built: as an app's production bundle would be, the kit from its built dist. */
const APP_BUILD = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  metafile: true,
  alias: { 'react-api-keys': join(root, 'dist/index.js') },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'silent',
} as const

/** The manager entry split as `esbuild --splitting` splits it; the first paint follows static imports only. */
async function measureSplitManager(): Promise<SplitSize> {
  const outdir = join(root, 'bench/.split')
  const result = await build({
    ...APP_BUILD,
    entryPoints: [join(root, 'bench/entries', ENTRIES['<APIKeysManager>'])],
    splitting: true,
    outdir,
    external: REACT,
  })
  // The metafile names outputs relative to the working directory; output files by absolute path.
  const files = new Map(result.outputFiles.map((file) => [file.path, file.contents]))
  const outputs = Object.entries(result.metafile.outputs).filter(([name]) => name.endsWith('.js'))
  const entry = outputs.find(([, output]) => output.entryPoint !== undefined)?.[0]
  if (!entry) throw new Error('esbuild produced no entry chunk for the manager')
  const firstPaint = new Set<string>()
  const pending = [entry]
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (firstPaint.has(name)) continue
    firstPaint.add(name)
    for (const imported of result.metafile.outputs[name]?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) pending.push(imported.path)
  }
  const chunks = outputs.map(([name]): ChunkSize => {
    const code = files.get(resolve(name)) ?? new Uint8Array()
    return {
      file: name.slice(name.lastIndexOf('/') + 1),
      rawBytes: code.length,
      gzipBytes: gzip(code),
      firstPaint: firstPaint.has(name),
    }
  })
  const onDemandInFirstPaint: Record<string, number> = {}
  for (const name of firstPaint)
    for (const [input, { bytesInOutput }] of Object.entries(result.metafile.outputs[name]?.inputs ?? {}))
      if (ON_DEMAND.test(input) && bytesInOutput > 0) onDemandInFirstPaint[input] = bytesInOutput
  const sum = (list: ChunkSize[]): number => list.reduce((total, chunk) => total + chunk.gzipBytes, 0)
  return {
    chunks,
    firstPaintGzipBytes: sum(chunks.filter((chunk) => chunk.firstPaint)),
    allGzipBytes: sum(chunks),
    onDemandInFirstPaint,
  }
}

async function bundle(entry: string, external: string[]): Promise<{ code: Uint8Array; metafile: Metafile }> {
  const result = await build({
    ...APP_BUILD,
    entryPoints: [join(root, 'bench/entries', entry)],
    external,
  })
  const [file] = result.outputFiles
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`)
  return { code: file.contents, metafile: result.metafile }
}

/** Measures every entry with two sets of externals. */
export async function measureSizes(): Promise<{
  rows: SizeRow[]
  split: SplitSize
  css: { rawBytes: number; minifiedBytes: number; gzipBytes: number }
}> {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('Run `npm run build` first.')
  const own = new Map<string, number>()
  for (const [name, file] of Object.entries(ENTRIES)) own.set(name, gzip((await bundle(file, ALL_DEPS)).code))
  const rows: SizeRow[] = []
  for (const externals of ['react+react-dom+react-query', 'react+react-dom'] as const) {
    for (const [name, file] of Object.entries(ENTRIES)) {
      const { code, metafile } = await bundle(file, externals === 'react+react-dom' ? REACT : [...REACT, ...QUERY])
      const byOrigin: Record<string, number> = {}
      const [output] = Object.values(metafile.outputs)
      for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
        const origin = originOf(input)
        byOrigin[origin] = (byOrigin[origin] ?? 0) + bytesInOutput
      }
      rows.push({
        entry: name,
        externals,
        rawBytes: code.length,
        gzipBytes: gzip(code),
        ownGzipBytes: own.get(name) ?? 0,
        byOrigin,
      })
    }
  }
  const cssText = readFileSync(join(root, 'dist/styles.css'), 'utf8')
  const minified = await build({
    stdin: { contents: cssText, loader: 'css' },
    minify: true,
    write: false,
    logLevel: 'silent',
  })
  const minifiedCss = minified.outputFiles[0]?.contents ?? new Uint8Array()
  return {
    rows,
    split: await measureSplitManager(),
    css: { rawBytes: Buffer.byteLength(cssText), minifiedBytes: minifiedCss.length, gzipBytes: gzip(minifiedCss) },
  }
}

/** The budgets each measurement is held to, with the figure measured. */
export function checkBudgets(
  sizes: Awaited<ReturnType<typeof measureSizes>>,
): { name: string; bytes: number; budget: number; ok: boolean }[] {
  const row = (entry: string, externals: SizeRow['externals']): SizeRow => {
    const found = sizes.rows.find((candidate) => candidate.entry === entry && candidate.externals === externals)
    if (!found) throw new Error(`no measurement for ${entry}`)
    return found
  }
  const onDemandBytes = Object.values(sizes.split.onDemandInFirstPaint).reduce((total, bytes) => total + bytes, 0)
  const checks = [
    {
      name: '<APIKeysManager> + createRestFetcher, first paint (entry chunk + static imports)',
      bytes: sizes.split.firstPaintGzipBytes,
      budget: BYTE_BUDGETS.managerFirstPaintJs,
    },
    {
      name: '<APIKeysManager> + createRestFetcher, every chunk (all a user can open)',
      bytes: sizes.split.allGzipBytes,
      budget: BYTE_BUDGETS.managerAllChunksJs,
    },
    {
      name: 'Dialogs, details and Radix Dialog in the first paint (raw)',
      bytes: onDemandBytes,
      budget: BYTE_BUDGETS.onDemandInFirstPaint,
    },
    { name: 'CSS', bytes: sizes.css.gzipBytes, budget: BYTE_BUDGETS.css },
    {
      name: 'Provider + useAPIKeys, react-query external',
      bytes: row('Provider + useAPIKeys', 'react+react-dom+react-query').gzipBytes,
      budget: BYTE_BUDGETS.hooksJs,
    },
  ]
  return checks.map((check) => ({ ...check, ok: check.bytes <= check.budget }))
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`

/** Prints the size table. */
export function printSizes(sizes: Awaited<ReturnType<typeof measureSizes>>): void {
  console.log('\nBundle weight (esbuild --minify, gzip -9)')
  console.log('| entry | external | raw | gzip | kit’s own code (gzip) |')
  console.log('|---|---|---|---|---|')
  for (const row of sizes.rows)
    console.log(
      `| ${row.entry} | ${row.externals} | ${kib(row.rawBytes)} | ${kib(row.gzipBytes)} | ${kib(row.ownGzipBytes)} |`,
    )
  console.log(
    `| styles.css | - | ${kib(sizes.css.rawBytes)} (${kib(sizes.css.minifiedBytes)} minified) | ${kib(sizes.css.gzipBytes)} | - |`,
  )
  const { split } = sizes
  console.log('\n<APIKeysManager> + createRestFetcher, all but react/react-dom bundled, esbuild --splitting')
  console.log('| chunk | first paint | raw | gzip |')
  console.log('|---|---|---|---|')
  for (const chunk of [...split.chunks].sort(
    (a, b) => Number(b.firstPaint) - Number(a.firstPaint) || b.rawBytes - a.rawBytes,
  ))
    console.log(
      `| ${chunk.file} | ${chunk.firstPaint ? 'yes' : 'on demand'} | ${kib(chunk.rawBytes)} | ${kib(chunk.gzipBytes)} |`,
    )
  console.log(`| first paint | | | ${kib(split.firstPaintGzipBytes)} |`)
  console.log(`| every chunk | | | ${kib(split.allGzipBytes)} |`)
  for (const [input, bytes] of Object.entries(split.onDemandInFirstPaint))
    console.log(`On-demand code in the first paint: ${input} (${bytes} B)`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await measureSizes()
  printSizes(sizes)
  const checks = checkBudgets(sizes)
  console.log('\nByte budgets')
  for (const check of checks)
    console.log(`${check.ok ? 'ok  ' : 'OVER'} ${check.name}: ${check.bytes} B of ${check.budget} B`)
  if (process.argv.includes('--check') && checks.some((check) => !check.ok)) {
    console.error('A byte budget is passed.')
    process.exit(1)
  }
}
