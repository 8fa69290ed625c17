// Browsing Storybook is how many users meet the kit: every component's stories must come with a
// docs page (autodocs: the props table from the types and their TSDoc). Builds Storybook into a
// temporary directory and fails if a `Components/…` title has stories but no docs page.
// Run: `node test/smoke/storybook-docs.mjs` (CI runs it after the package checks).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const out = mkdtempSync(join(tmpdir(), 'rak-storybook-'))
try {
  execFileSync('npx', ['storybook', 'build', '--output-dir', out, '--quiet'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const { entries } = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'))
  const titles = new Set()
  const documented = new Set()
  for (const entry of Object.values(entries)) {
    if (!entry.title.startsWith('Components/')) continue
    if (entry.type === 'docs') documented.add(entry.title)
    else titles.add(entry.title)
  }
  const missing = [...titles].filter((title) => !documented.has(title))
  if (titles.size === 0) throw new Error('storybook-docs: no Components/… stories were built')
  if (missing.length > 0)
    throw new Error(`storybook-docs: no docs page for ${missing.join(', ')} (tags: ['autodocs'] in its meta)`)
  console.log(`storybook-docs: ok, a docs page for each of ${titles.size} components: ${[...documented].join(', ')}`)
} finally {
  rmSync(out, { recursive: true, force: true })
}
