// @vitest-environment node
import { createHash } from 'node:crypto'
import { inspect } from 'node:util'
import { createApiKeyService } from '../../src/server/service/api-key-service'
import { StoreError } from '../../src/server/stores/errors'
import { createEmbeddedStore } from '../../src/server/stores/embedded-store'
import { createPostgresStore } from '../../src/server/stores/postgres-store'
import { storeErrorFrom } from '../../src/server/stores/sql/driver-errors'
import { httpSetup } from './http-helpers'
import { isolatedSchemas, PG_URL } from './pg-env'

/** A SHA-256 in hex, as the store keeps a secret's hash. */
const HASH = /[0-9a-f]{64}/
/**
 * The hash every secret gets here: the second create breaks the unique index on `secret_hash`, so
 * the database refuses an INSERT whose parameters, and whose error detail, hold the hash.
 */
const ONE_HASH = createHash('sha256').update('one secret for all').digest('hex')

/** Everything a logger could print of an error: every own property, hidden ones too, at any depth. */
const everything = (value: unknown): string => inspect(value, { depth: Infinity, showHidden: true })

/** Creates two keys through the handler; the database refuses the second. Checks what `onError` heard. */
async function expectRedactedRefusal(store: Awaited<ReturnType<typeof createEmbeddedStore>>): Promise<void> {
  const { call, errors } = httpSetup(store, { service: createApiKeyService({ store, hashSecret: () => ONE_HASH }) })
  expect((await call('POST', '/api-keys', { as: 'alice', json: { name: 'first' } })).status).toBe(201)
  const answer = await call('POST', '/api-keys', { as: 'alice', json: { name: 'second, same hash' } })
  expect(answer.status).toBe(500)
  expect(answer.text).not.toContain(ONE_HASH)
  expect(errors).toHaveLength(1)
  const [heard] = errors
  // Safe: no parameters, no `Key (secret_hash)=(...)` detail, no statement, no driver error as cause.
  const printed = everything(heard)
  expect(printed).not.toContain(ONE_HASH)
  expect(printed).not.toMatch(HASH)
  expect(printed).not.toContain('INSERT')
  expect((heard as Error).cause).toBeUndefined()
  // Useful: the SQLSTATE, the constraint and PostgreSQL's message stay.
  expect(heard).toBeInstanceOf(StoreError)
  expect(heard).toMatchObject({ code: 'failed', sqlState: '23505' })
  expect((heard as StoreError).constraint).toMatch(/api_keys_secret_hash$/)
  expect((heard as Error).message).toContain('duplicate key value violates unique constraint')
}

describe('store errors that reach onError', () => {
  it('carry no parameter, hash or error detail from PGlite', async () => {
    const store = await createEmbeddedStore()
    await expectRedactedRefusal(store)
    await store.close()
  })

  describe.skipIf(PG_URL === '')('from PostgreSQL', () => {
    const schemas = isolatedSchemas()
    afterAll(() => schemas.dropAll())

    it('carry no parameter, hash or error detail from pg', async () => {
      const store = await createPostgresStore({ pool: await schemas.pool() })
      await expectRedactedRefusal(store)
      await store.close()
    })
  })
})

describe('storeErrorFrom', () => {
  const driverError = (code: string | undefined, message: string): Error =>
    Object.assign(new Error(message), code === undefined ? {} : { code })

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P03', 'the database system is starting up'],
    ['08006', 'connection failure'],
    ['53300', 'sorry, too many clients already'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'],
    ['EPIPE', 'write EPIPE'],
    [undefined, 'Connection terminated unexpectedly'],
    [undefined, 'Client has encountered a connection error and is not queryable'],
  ])('counts %s (%s) as unavailable', (code, message) => {
    const error = storeErrorFrom(driverError(code, message))
    expect(error).toMatchObject({ code: 'unavailable', retryAfterSeconds: 5 })
    expect(error.message).toContain(message)
  })

  it.each([
    ['23505', 'duplicate key value violates unique constraint "api_keys_active_name"'],
    ['42P01', 'relation "api_keys" does not exist'],
    [undefined, 'PGlite is closed'],
  ])('counts %s (%s) as a failed statement', (code, message) => {
    expect(storeErrorFrom(driverError(code, message))).toMatchObject({ code: 'failed', retryAfterSeconds: undefined })
  })

  it('drops a value PostgreSQL echoes in its message, and anything shaped like a secret or hash', () => {
    const echoed = storeErrorFrom(driverError('22P02', `invalid input syntax for type uuid: "${'ab'.repeat(32)}"`))
    expect(echoed.message).toBe('Database error: invalid input syntax for type uuid: [value redacted] [22P02]')
    const secret = `sk_${'A1b2C3d4E5f6G7h8I9j0K1'}abcdef`
    expect(storeErrorFrom(driverError(undefined, `near ${secret} and ${'f'.repeat(64)}`)).message).not.toMatch(
      /A1b2C3d4|f{64}/,
    )
  })
})
