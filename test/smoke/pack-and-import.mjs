// Packs the built package as npm would publish it, installs the tarball into a throwaway project and
// imports it there the way an app does: by package name, through the exports map. The throwaway
// project sits inside the repo so that react and the other peers resolve from the repo's node_modules.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))
if (!existsSync(join(root, 'dist/index.js'))) throw new Error('Run `npm run build` first: dist/index.js is missing.')

const work = mkdtempSync(join(root, 'test/smoke/.tmp-'))
try {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }))
  const files = packed[0].files.map((file) => file.path)
  for (const required of ['dist/index.js', 'dist/index.d.ts', 'dist/server/index.js', 'dist/server/index.d.ts', 'dist/styles.css', 'package.json', 'README.md']) {
    if (!files.includes(required)) throw new Error(`The package lacks ${required}`)
  }
  const leaked = files.filter((file) => /^(src|test|stories|\.storybook|bench|\.ci)\//.test(file))
  if (leaked.length > 0) throw new Error(`The package ships files it should not: ${leaked.join(', ')}`)

  const app = join(work, 'app')
  const target = join(app, 'node_modules/react-api-keys')
  mkdirSync(target, { recursive: true })
  execFileSync('tar', ['-xzf', join(work, packed[0].filename), '-C', target, '--strip-components=1'])
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke-app', private: true, type: 'module' }))
  writeFileSync(
    join(app, 'main.mjs'),
    `
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'
import * as kit from 'react-api-keys'

const fetcher = kit.createMemoryFetcher({ seed: [{ name: 'Smoke', subject: 'user_1' }] })
const created = await fetcher.create({ subject: 'user_1', subjectKind: 'user', name: 'Packed', description: null,
  secondsUntilExpiration: null, scopes: [], claims: null, signal: new AbortController().signal })
if (!kit.isWellFormedApiKey(created.secret)) throw new Error('the packed build issued a malformed key')

function Count() {
  const { isLoading } = kit.useAPIKeys()
  return h('p', null, isLoading ? 'loading' : 'loaded')
}
const html = renderToString(h(kit.APIKeysProvider, { fetcher, userId: 'user_1' }, h(Count)))
if (!html.includes('loading')) throw new Error('unexpected server render: ' + html)
const server = await import('react-api-keys/server')
const service = server.createApiKeyService({ store: server.createMemoryStore() })
const issued = await service.create({ subject: 'user_1', name: 'Server smoke' })
const verified = await service.verify(issued.secret)
if (!verified.valid || verified.key.id !== issued.id) throw new Error('the packed server entry did not verify its own key')
if ((await service.verify(issued.secret.slice(0, -1) + 'x')).valid) throw new Error('a tampered key verified')
const css = import.meta.resolve('react-api-keys/styles.css')
console.log(JSON.stringify({ exports: Object.keys(kit).length, css: css.endsWith('/dist/styles.css'), html }))
`,
  )
  const output = execFileSync('node', ['main.mjs'], { cwd: app, encoding: 'utf8' })
  const result = JSON.parse(output.trim().split('\n').pop())
  if (!result.css) throw new Error('react-api-keys/styles.css does not resolve to the shipped stylesheet')
  console.log(`smoke: packed ${files.length} files, imported ${result.exports} exports by name, rendered on the server, verified a key through react-api-keys/server`)
  console.log('smoke: 1 passed, 0 failed')
} finally {
  rmSync(work, { recursive: true, force: true })
  for (const entry of readdirSync(join(root, 'test/smoke'))) if (entry.startsWith('.tmp-')) rmSync(join(root, 'test/smoke', entry), { recursive: true, force: true })
}
