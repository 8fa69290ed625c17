// @vitest-environment node
import { createEmbeddedStore } from '../../src/server/stores/embedded-store'
import { peerImports } from '../../src/server/stores/optional-peers'
import { createPostgresStore } from '../../src/server/stores/postgres-store'
import { rejectionOf } from './helpers'

/** The error Node's ESM loader throws for a package that is not installed. */
function moduleNotFound(
  packageName: string,
  from = '/app/node_modules/react-api-keys/dist/server/stores/optional-peers.js',
): Error {
  return Object.assign(new Error(`Cannot find package '${packageName}' imported from ${from}`), {
    code: 'ERR_MODULE_NOT_FOUND',
  })
}

describe('a missing optional peer dependency', () => {
  it('createEmbeddedStore says to install @electric-sql/pglite', async () => {
    vi.spyOn(peerImports, 'pglite').mockRejectedValue(moduleNotFound('@electric-sql/pglite'))
    const error = await rejectionOf(createEmbeddedStore())
    expect((error as Error).message).toBe(
      'createEmbeddedStore needs the package @electric-sql/pglite, which is not installed: npm install @electric-sql/pglite',
    )
  })

  it('createPostgresStore says to install pg', async () => {
    vi.spyOn(peerImports, 'pg').mockRejectedValue(moduleNotFound('pg'))
    const error = await rejectionOf(createPostgresStore({ connectionString: 'postgres://app@127.0.0.1:1/app' }))
    expect((error as Error).message).toBe(
      'createPostgresStore needs the package pg, which is not installed: npm install pg',
    )
  })

  it('says the same for a bundler that reports a missing module without a code', async () => {
    vi.spyOn(peerImports, 'pg').mockRejectedValue(new Error("Cannot find module 'pg'"))
    const error = await rejectionOf(createPostgresStore({ connectionString: 'postgres://app@127.0.0.1:1/app' }))
    expect((error as Error).message).toContain('npm install pg')
  })

  it('passes through a missing dependency of the peer itself, which installing the peer would not fix', async () => {
    const inner = moduleNotFound('pg-pool', '/app/node_modules/pg/esm/index.mjs')
    vi.spyOn(peerImports, 'pg').mockRejectedValue(inner)
    expect(await rejectionOf(createPostgresStore({ connectionString: 'postgres://app@127.0.0.1:1/app' }))).toBe(inner)
  })
})
