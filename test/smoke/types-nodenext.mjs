// A Node server project as most are set up: `module`/`moduleResolution: nodenext` and
// `skipLibCheck: true`. If the kit's declarations do not resolve there, skipLibCheck hides the
// failure and every export becomes `any`, so a wrong type compiles. Each wrong line below carries
// `@ts-expect-error`: tsc fails with "Unused '@ts-expect-error' directive" the moment one of them
// compiles, and fails on the right usage if the types are wrong the other way.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const ESM_FILE = `import { createMemoryFetcher, isWellFormedApiKey, type ApiKeysFetcher } from 'react-api-keys'
import { createApiKeyService, createMemoryStore } from 'react-api-keys/server'
import { fetcherContract, type FetcherContractCase } from 'react-api-keys/testing'

// Right usage compiles.
export const fetcher: ApiKeysFetcher = createMemoryFetcher()
export const wellFormed: boolean = isWellFormedApiKey('rak_example')
const service = createApiKeyService({ store: createMemoryStore() })
export const secret: string = (await service.create({ subject: 'user_1', name: 'Typed' })).secret
export const cases: FetcherContractCase[] = fetcherContract({ fetcher: () => createMemoryFetcher() })

// Wrong usage is rejected, from every entry point.
// @ts-expect-error a fetcher is not a string
export const fetcherAsString: string = createMemoryFetcher()
// @ts-expect-error a service is not a number
export const serviceAsNumber: number = createApiKeyService({ store: createMemoryStore() })
// @ts-expect-error the contract takes a function that makes a fetcher, not a fetcher
export const casesOfFetcher = fetcherContract({ fetcher: createMemoryFetcher() })
`

// A CommonJS file requiring the ESM server entry: TypeScript (nodenext, >= 5.8) types require(esm).
const CJS_FILE = `import server = require('react-api-keys/server')

export const store = server.createMemoryStore()
// @ts-expect-error a store is not a string
export const storeAsString: string = server.createMemoryStore()
`

const TSCONFIG = {
  compilerOptions: {
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    lib: ['es2022', 'dom'],
    types: ['node'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  },
  files: ['typed.ts', 'typed-require.cts'],
}

/** Fails unless tsc, in a nodenext project with skipLibCheck, accepts the right usage and rejects the wrong. */
export function checkNodeNextTypes(app, root) {
  writeFileSync(join(app, 'typed.ts'), ESM_FILE)
  writeFileSync(join(app, 'typed-require.cts'), CJS_FILE)
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2))
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc')
  try {
    execFileSync('node', [tsc, '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' })
  } catch (error) {
    throw new Error(`tsc (nodenext, skipLibCheck) failed on the packed kit:\n${error.stdout}${error.stderr}`, {
      cause: error,
    })
  }
}
