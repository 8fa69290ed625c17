// `npm run bench`: bundle weight, render and interaction cost in Chromium, request counts, and the
// server's verify throughput. Prints one report and writes bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { TARGETS } from './budgets.ts'
import { measureRender, type Spread } from './render.ts'
import { runServerVerifyBench } from './server-verify.ts'
import { checkBudgets, measureSizes, printSizes } from './sizes.ts'

const sizes = await measureSizes()
printSizes(sizes)
const budgets = checkBudgets(sizes)
console.log('\nByte budgets')
for (const check of budgets)
  console.log(`${check.ok ? 'ok  ' : 'OVER'} ${check.name}: ${check.bytes} B of ${check.budget} B`)

console.log('\nRender and interaction in Chromium (production build; median [min–max] of fresh pages)')
const render = await measureRender()
const fmt = (s: Spread): string => `${s.median.toFixed(1)} ms [${s.min.toFixed(1)}–${s.max.toFixed(1)}], ${s.runs} runs`
for (const [name, value] of Object.entries(render)) {
  if (name === 'requests') continue
  const figures = value as Record<string, Spread | number | string>
  const parts = Object.entries(figures).map(([key, figure]) =>
    typeof figure === 'object'
      ? `${key}: ${key.endsWith('Bytes') ? `${(figure.median / 1024 / 1024).toFixed(1)} MiB` : key === 'listRequests' ? String(figure.median) : fmt(figure)}`
      : `${key}: ${figure}`,
  )
  console.log(`- ${name}: ${parts.join('; ')}`)
}
const median = (name: string): number =>
  (render[name] as { mountToRowsVisibleMs?: Spread } | undefined)?.mountToRowsVisibleMs?.median ?? NaN
const target1000 = median('Zuplo ApiKeyManager 1000 keys') * TARGETS.render1000ShareOfZuplo
const target100 = (median('Zuplo ApiKeyManager 100 keys') * TARGETS.render100Ms) / TARGETS.zuplo100MsInIssue
const verdict = (ms: number, target: number): string =>
  `${ms.toFixed(0)} ms against ${target.toFixed(0)} ms: ${ms <= target ? 'met' : 'NOT met'}`
console.log(
  `Targets on this machine, from Zuplo's times in this run: 1000 keys at most half of Zuplo's (${verdict(median('manager 1000 keys'), target1000)}); 100 keys under 25/43 of Zuplo's (${verdict(median('manager 100 keys'), target100)})`,
)
console.log(
  `10 keys no slower than Zuplo's (issue #16): ${verdict(median('manager 10 keys'), median('Zuplo ApiKeyManager 10 keys'))}`,
)
console.log('\nRequests', render.requests)

console.log('\nServer verify')
const server = await runServerVerifyBench()
for (const figure of server)
  console.log(`- ${figure.name}: ${figure.value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${figure.unit}`)

const targets = { render1000Ms: target1000, render100Ms: target100, render10Ms: median('Zuplo ApiKeyManager 10 keys') }
const results = { measuredAt: new Date().toISOString(), node: process.version, sizes, budgets, targets, render, server }
const dir = fileURLToPath(new URL('./results/', import.meta.url))
mkdirSync(dir, { recursive: true })
writeFileSync(`${dir}/latest.json`, `${JSON.stringify(results, null, 2)}\n`)
console.log('\nWrote bench/results/latest.json')
