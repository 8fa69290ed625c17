// @vitest-environment node
import { createApiKeyService } from '../../src/server/service/api-key-service'
import { MIGRATIONS } from '../../src/server/stores/sql/migrations'
import { createPostgresStore } from '../../src/server/stores/postgres-store'
import { isolatedSchemas, PG_REQUIRED, PG_URL } from './pg-env'
import { describeStoreContract } from './store-contract'

if (PG_URL === '' && PG_REQUIRED) {
  it('has a PostgreSQL to test against (CI=true needs RAK_TEST_PG_URL; run .ci/start-postgres.sh)', () => {
    throw new Error('RAK_TEST_PG_URL is not set, so the PostgreSQL store would go untested.')
  })
}

const schemas = isolatedSchemas()
afterAll(() => schemas.dropAll())

describeStoreContract('postgres', async () => createPostgresStore({ pool: await schemas.pool() }), {
  skip: PG_URL === '',
})

describe.skipIf(PG_URL === '')('postgres store', () => {
  it('records its migrations once, even when several servers open the database at once', async () => {
    const pool = await schemas.pool()
    const stores = await Promise.all([1, 2, 3].map(() => createPostgresStore({ pool })))
    const { rows } = await pool.query<{ version: number; name: string }>(
      'SELECT version, name FROM rak_schema_migrations ORDER BY version',
    )
    expect(rows).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })))
    await Promise.all(stores.map((store) => store.close()))
  })

  it('stores only the hash and last four of a secret', async () => {
    const pool = await schemas.pool()
    const service = createApiKeyService({ store: await createPostgresStore({ pool }) })
    const created = await service.create({ subject: 'user_1', name: 'scan me' })
    const { rows } = await pool.query('SELECT * FROM api_keys')
    const dump = JSON.stringify(rows)
    expect(dump).toContain(created.lastFour)
    expect(dump).not.toContain(created.secret)
    expect(dump).not.toContain(created.secret.slice(3, 20))
    expect((await service.verify(created.secret)).valid).toBe(true)
  })

  it('opens from a connection string and closes its own pool', async () => {
    const store = await createPostgresStore({ connectionString: PG_URL, max: 2 })
    expect(await store.get('ak_missing')).toBeNull()
    await store.close()
  })
})
