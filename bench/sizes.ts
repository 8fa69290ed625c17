// Bundle weight of what an app pays for each way of using the kit: esbuild, minified, gzip level 9,
// on the built package (run `npm run build` first). `--check` fails when a byte budget is passed.
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

async function bundle(entry: string, external: string[]): Promise<{ code: Uint8Array; metafile: Metafile }> {
  const result = await build({
    entryPoints: [join(root, 'bench/entries', entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    external,
    alias: { 'react-api-keys': join(root, 'dist/index.js') },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  const [file] = result.outputFiles
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`)
  return { code: file.contents, metafile: result.metafile }
}

/** Measures every entry with two sets of externals. */
export async function measureSizes(): Promise<{
  rows: SizeRow[]
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
  const manager = row('<APIKeysManager>', 'react+react-dom')
  const checks = [
    {
      name: '<APIKeysManager> JS, all but react/react-dom bundled',
      bytes: manager.gzipBytes,
      budget: BYTE_BUDGETS.managerAllDepsJs,
    },
    { name: '<APIKeysManager> JS, the kit’s own code', bytes: manager.ownGzipBytes, budget: BYTE_BUDGETS.managerOwnJs },
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
