// @vitest-environment node
/**
 * The fetcher contract (`react-api-keys/testing`) on every fetcher the kit can reach here: the
 * memory fetcher, and the REST fetcher talking over loopback to the real handler on each store
 * (memory, PGlite, PostgreSQL when RAK_TEST_PG_URL is set).
 */
import { afterAll, describe, test } from 'vitest'
import { createMemoryFetcher, createRestFetcher } from '../../src/index'
import { createEmbeddedStore, createMemoryStore, createPostgresStore, type ApiKeyStore } from '../../src/server/index'
import { fetcherContract, type ContractOwner, type FetcherContractOptions } from '../../src/testing/index'
import { isolatedSchemas, PG_URL } from '../server/pg-env'
import { startRestServer, type RestTestServer } from './fixtures/rest-server'

/** Every case of the contract as a test, skipped where it does not apply. */
function runContract(name: string, options: FetcherContractOptions): void {
  describe(`fetcher contract: ${name}`, () => {
    for (const c of fetcherContract(options)) (c.skip ? test.skip : test)(c.name, c.run)
  })
}

/** The REST fetcher of the test server's user `owner.subject` (the fixture signs in whoever the header names). */
const restOptions = (server: RestTestServer): FetcherContractOptions => ({
  fetcher: (owner: ContractOwner) =>
    createRestFetcher({ baseUrl: server.baseUrl, headers: { 'x-test-user': owner.subject } }),
  signedOut: () => createRestFetcher({ baseUrl: server.baseUrl }),
})

const servers: RestTestServer[] = []
const schemas = isolatedSchemas()
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()))
  await schemas.dropAll()
})

async function serverOn(store: ApiKeyStore): Promise<RestTestServer> {
  const server = await startRestServer({ store })
  servers.push(server)
  return server
}

const memory = createMemoryFetcher()
runContract('memory fetcher', { fetcher: () => memory })
// A user and a team with one id are two owners: each case's keys of one are not found by the other.
const sameId = [
  { subject: 'acme', subjectKind: 'team' },
  { subject: 'acme', subjectKind: 'user' },
] as const
runContract('memory fetcher, a team and a user of one id', { fetcher: () => memory, owners: sameId })
runContract('a memory fetcher without update and roll', {
  fetcher: () => ({ list: memory.list, create: memory.create, revoke: memory.revoke }),
})
const onMemory = await serverOn(createMemoryStore())
runContract('REST fetcher → handler → memory store', restOptions(onMemory))
// The user acme, and bob, who manages the team acme: each is refused the other's keys.
runContract('REST fetcher → handler → memory store, a team and a user of one id', {
  fetcher: (owner) =>
    createRestFetcher({
      baseUrl: onMemory.baseUrl,
      headers:
        owner.subjectKind === 'team' ? { 'x-test-user': 'bob', 'x-test-manages': 'acme' } : { 'x-test-user': 'acme' },
    }),
  owners: sameId,
})
runContract(
  'REST fetcher → handler → embedded store (PGlite)',
  restOptions(await serverOn(await createEmbeddedStore())),
)
if (PG_URL !== '') {
  const store = await createPostgresStore({ pool: await schemas.pool() })
  runContract('REST fetcher → handler → PostgreSQL store', restOptions(await serverOn(store)))
}
