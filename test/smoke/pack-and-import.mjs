// The package as adopters get it: packs the kit (or takes the tarball CI packed), checks what it
// ships, installs it into a throwaway app and uses it the ways apps do, by package name through
// the exports map: ESM import and server render, require() of the server entry from CommonJS, the
// fetcher contract of the testing entry under node:test, the Server Components entry, TypeScript
// under nodenext, and a Vite bundle.
//
//   node test/smoke/pack-and-import.mjs [react-api-keys-x.y.z.tgz]
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  checkDeclarationMaps,
  checkDeclaredImports,
  checkFileList,
  checkManifestAndReadme,
} from './package-contents.mjs'
import { installInto, packedFiles, packKit } from './packed-kit.mjs'
import { checkServerComponentsEntry } from './server-components-entry.mjs'
import { checkNodeNextTypes } from './types-nodenext.mjs'
import { checkViteDirectives } from './vite-directives.mjs'

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))

const ESM_APP = `
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
console.log(JSON.stringify({ exports: Object.keys(kit).length, css: css.endsWith('/dist/styles.css') }))
`

// The fetcher contract from the packed testing entry, under node:test: no Vitest or Jest involved.
const CONTRACT_RUN = `
import { test } from 'node:test'
import { createMemoryFetcher } from 'react-api-keys'
import { fetcherContract } from 'react-api-keys/testing'

const memory = createMemoryFetcher()
for (const c of fetcherContract({ fetcher: () => memory })) test(c.name, { skip: c.skip }, c.run)
`

// A CommonJS server (Node >= 20.19 requires ESM): the server entry by require(), nothing else.
const CJS_SERVER = `
const { createApiKeyService, createMemoryStore } = require('react-api-keys/server')

const service = createApiKeyService({ store: createMemoryStore() })
service
  .create({ subject: 'user_1', name: 'Required' })
  .then((issued) => service.verify(issued.secret))
  .then((verified) => {
    if (!verified.valid) throw new Error('the required server entry did not verify its own key')
    console.log('verified')
  })
`

const results = []
/** Runs one check, timed; the first failure ends the run. */
async function check(name, run) {
  const started = performance.now()
  let detail
  try {
    detail = await run()
  } catch (error) {
    console.log(`smoke: FAIL ${name}`)
    throw error
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  results.push(name)
  console.log(`smoke: ok   ${name} (${seconds} s)${detail ? ` ${detail}` : ''}`)
}

const work = mkdtempSync(join(root, 'test/smoke/.tmp-'))
try {
  let tarball = process.argv[2] && resolve(process.argv[2])
  await check('pack', () => {
    tarball = packKit(root, work, tarball)
    return tarball.split('/').pop()
  })
  const files = packedFiles(tarball)
  const app = installInto(work, tarball)
  const packageDir = join(app, 'node_modules/react-api-keys')

  await check('packed file list', () => {
    checkFileList(files, packageDir)
    checkDeclarationMaps(files, packageDir)
    checkDeclaredImports(files, packageDir)
    checkManifestAndReadme(packageDir)
    return `${files.length} files`
  })
  await check('ESM import, server render, server entry', () => {
    writeFileSync(join(app, 'main.mjs'), ESM_APP)
    const result = JSON.parse(
      execFileSync('node', ['main.mjs'], { cwd: app, encoding: 'utf8' }).trim().split('\n').pop(),
    )
    if (!result.css) throw new Error('react-api-keys/styles.css does not resolve to the shipped stylesheet')
    return `${result.exports} exports`
  })
  await check("require('react-api-keys/server') from CommonJS", () => {
    writeFileSync(join(app, 'server.cjs'), CJS_SERVER)
    const output = execFileSync('node', ['server.cjs'], { cwd: app, encoding: 'utf8' })
    if (!output.includes('verified')) throw new Error(`server.cjs printed: ${output}`)
  })
  await check('react-api-keys/testing: the fetcher contract on the packed memory fetcher, under node:test', () => {
    writeFileSync(join(app, 'contract.mjs'), CONTRACT_RUN)
    const output = execFileSync('node', ['--test', '--test-reporter=tap', 'contract.mjs'], {
      cwd: app,
      encoding: 'utf8',
    })
    const passed = Number(/^# pass (\d+)$/m.exec(output)?.[1] ?? 0)
    if (passed < 10) throw new Error(`node --test contract.mjs passed only ${passed} cases:\n${output}`)
    return `${passed} cases passed`
  })
  await check(
    'react-server entry (Next.js App Router)',
    async () => `${(await checkServerComponentsEntry(app)).exports} exports`,
  )
  await check('TypeScript nodenext + skipLibCheck rejects wrong types', () => checkNodeNextTypes(app, root))
  await check(
    'Vite bundle without MODULE_LEVEL_DIRECTIVE warnings',
    async () => `(${(await checkViteDirectives(app)).fromDependencies} from TanStack Query and Radix, not counted)`,
  )
  console.log(`smoke: ${results.length} passed, 0 failed`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
