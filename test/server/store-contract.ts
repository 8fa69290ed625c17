import { randomBase62 } from '../../src/core/base62'
import { ApiKeysError } from '../../src/core/errors'
import { newApiKeyId } from '../../src/server/service/ids'
import { nameKeyOf } from '../../src/server/service/name-key'
import { generateApiKey } from '../../src/core/key-format'
import { createApiKeysHandler } from '../../src/server/http/handler'
import { createApiKeyService, type ApiKeyService } from '../../src/server/service/api-key-service'
import { createSecretHasher } from '../../src/server/service/secret-hash'
import { MIGRATIONS } from '../../src/server/stores/sql/migrations'
import type { SqlLocation } from '../../src/server/stores/sql/names'
import type { ApiKeyStore, NewApiKeyRecord, SubjectRef } from '../../src/server/stores/types'
import { describeHygieneFilter } from './store-contract-hygiene'
import { storeRecord } from './store-record'

/**
 * The behaviour every {@link ApiKeyStore} must have, run against the memory, PGlite and PostgreSQL
 * stores alike. The store is opened once per suite; each test works on subjects of its own.
 */
export function describeStoreContract(
  name: string,
  open: () => Promise<ApiKeyStore>,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`store contract: ${name}`, () => {
    let store: ApiKeyStore
    const T0 = new Date('2030-01-01T00:00:00.000Z')
    const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000)

    beforeAll(async () => {
      store = await open()
    }, 60_000)
    afterAll(async () => {
      await store?.close()
    })

    const subject = (): SubjectRef => ({ subject: `user_${randomBase62(12)}`, subjectKind: 'user' })
    const hash = (): string =>
      Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('')

    function record(owner: SubjectRef, overrides: Partial<NewApiKeyRecord> = {}): NewApiKeyRecord {
      return storeRecord(owner, { createdAt: T0, ...overrides })
    }

    async function expectConflict(promise: Promise<unknown>): Promise<void> {
      const error = await promise.then(
        () => null,
        (caught: unknown) => caught,
      )
      expect(error).toBeInstanceOf(ApiKeysError)
      expect((error as ApiKeysError).code).toBe('conflict')
    }

    it('inserts and reads back every field', async () => {
      const s = subject()
      const input = record(s, {
        name: 'Deploy bot',
        nameKey: nameKeyOf('Deploy bot'),
        description: 'ci',
        claims: { team: 'infra', nested: { n: 1 } },
        scopes: ['read', 'write'],
        expiration: at(3600),
      })
      const inserted = await store.insert(input, T0)
      expect(inserted).toEqual({
        id: input.id,
        subject: s.subject,
        subjectKind: 'user',
        name: 'Deploy bot',
        description: 'ci',
        claims: { team: 'infra', nested: { n: 1 } },
        scopes: ['read', 'write'],
        createdAt: T0,
        createdBy: s.subject,
        updatedAt: T0,
        expiration: at(3600),
        revokedAt: null,
        revocationReason: null,
        lastUsedAt: null,
        prefix: 'sk_',
        lastFour: 'abcd',
      })
      expect(await store.get(input.id)).toEqual(inserted)
      expect(await store.findBySecretHash(input.secretHash)).toEqual({ key: inserted, secretHash: input.secretHash })
      expect(await store.get(newApiKeyId())).toBeNull()
      expect(await store.findBySecretHash(hash())).toBeNull()
    })

    it('lists newest first with search, status filter and paging', async () => {
      const s = subject()
      const names = ['Alpha', 'beta', 'ALPHA two', 'gamma', 'Ünïcødé alpha']
      const ids: string[] = []
      for (const [i, n] of names.entries()) {
        const expiration = n === 'gamma' ? at(10) : null
        ids.push(
          (await store.insert(record(s, { name: n, nameKey: nameKeyOf(n), createdAt: at(i), expiration }), at(i))).id,
        )
      }
      await store.revoke({ id: ids[1] as string, ...s, reason: null, now: at(5) })
      await store.insert(record(subject(), { name: 'alpha' }), T0)

      const all = await store.list({ ...s, nameKeyContains: '', offset: 0, limit: 10, now: at(20) })
      expect(all.totalCount).toBe(5)
      expect(all.keys.map((k) => k.id)).toEqual([...ids].reverse())

      const alpha = await store.list({ ...s, nameKeyContains: 'alpha', offset: 0, limit: 10, now: at(20) })
      expect(alpha.keys.map((k) => k.name)).toEqual(['Ünïcødé alpha', 'ALPHA two', 'Alpha'])

      const page2 = await store.list({ ...s, nameKeyContains: '', offset: 2, limit: 2, now: at(20) })
      expect(page2).toMatchObject({ totalCount: 5 })
      expect(page2.keys.map((k) => k.id)).toEqual([ids[2], ids[1]])
      const beyond = await store.list({ ...s, nameKeyContains: '', offset: 50, limit: 2, now: at(20) })
      expect(beyond).toEqual({ keys: [], totalCount: 5 })

      const byStatus = async (status: 'active' | 'expired' | 'revoked', now: Date): Promise<string[]> =>
        (await store.list({ ...s, nameKeyContains: '', status, offset: 0, limit: 10, now })).keys.map((k) => k.name)
      expect(await byStatus('revoked', at(20))).toEqual(['beta'])
      expect(await byStatus('expired', at(20))).toEqual(['gamma'])
      expect(await byStatus('active', at(20))).toEqual(['Ünïcødé alpha', 'ALPHA two', 'Alpha'])
      expect(await byStatus('active', at(5))).toEqual(['Ünïcødé alpha', 'gamma', 'ALPHA two', 'Alpha'])
    })

    it('treats SQL and LIKE metacharacters in searches as plain text', async () => {
      const s = subject()
      const evil = "'; DROP TABLE api_keys; --"
      await store.insert(record(s, { name: evil, nameKey: nameKeyOf(evil) }), T0)
      await store.insert(record(s, { name: '100% done_x', nameKey: nameKeyOf('100% done_x') }), T0)
      await store.insert(record(s, { name: 'plain', nameKey: 'plain' }), T0)
      const find = async (q: string): Promise<string[]> =>
        (await store.list({ ...s, nameKeyContains: q, offset: 0, limit: 10, now: T0 })).keys.map((k) => k.name)
      expect(await find("'; drop")).toEqual([evil])
      expect(await find('%')).toEqual(['100% done_x'])
      expect(await find('e_x')).toEqual(['100% done_x'])
      expect(await find('e_')).toEqual(['100% done_x'])
      expect(await find('\\')).toEqual([])
      expect((await store.list({ ...s, nameKeyContains: '', offset: 0, limit: 10, now: T0 })).totalCount).toBe(3)
    })

    it('finds a key by its last four in any case, counted like a name match, within the subject only', async () => {
      const s = subject()
      const deploy = await store.insert(record(s, { name: 'Deploy', nameKey: 'deploy', lastFour: 'Xy7Q' }), at(0))
      await store.insert(record(s, { name: 'Backup', nameKey: 'backup', lastFour: 'ab12' }), at(1))
      const xyName = await store.insert(record(s, { name: 'xy7q mirror', nameKey: 'xy7q mirror' }), at(2))
      await store.insert(record(subject(), { name: 'Other', nameKey: 'other', lastFour: 'Xy7Q' }), at(3))
      await store.revoke({ id: deploy.id, ...s, reason: null, now: at(4) })
      const find = async (q: string, status?: 'active' | 'revoked'): Promise<{ names: string[]; total: number }> => {
        const page = await store.list({
          ...s,
          nameKeyContains: q,
          ...(status ? { status } : {}),
          offset: 0,
          limit: 1,
          now: at(5),
        })
        return { names: page.keys.map((k) => k.name), total: page.totalCount }
      }
      // Newest first: the name match, then the last-four match; the other subject's key never.
      expect(await find('xy7q')).toEqual({ names: [xyName.name], total: 2 })
      expect(await find('xy7q', 'revoked')).toEqual({ names: ['Deploy'], total: 1 })
      expect(await find('xy7q', 'active')).toEqual({ names: [xyName.name], total: 1 })
      // Only the whole last four: part of it is no match (unless a name holds it).
      expect(await find('ab1')).toEqual({ names: [], total: 0 })
      expect(await find('ab12')).toEqual({ names: ['Backup'], total: 1 })
    })

    it('refuses a second active key with the same name (case-insensitive) for one subject only', async () => {
      const s = subject()
      await store.insert(record(s, { name: 'Prod', nameKey: nameKeyOf('Prod') }), T0)
      await expectConflict(store.insert(record(s, { name: 'PROD', nameKey: nameKeyOf('PROD') }), T0))
      await store.insert(record(subject(), { name: 'Prod', nameKey: nameKeyOf('Prod') }), T0)
      expect((await store.list({ ...s, nameKeyContains: '', offset: 0, limit: 10, now: T0 })).totalCount).toBe(1)
    })

    it('keeps a team and a user with one id apart: lists, names, revoke, update and roll', async () => {
      const id = `bob_${randomBase62(8)}`
      const user: SubjectRef = { subject: id, subjectKind: 'user' }
      const team: SubjectRef = { subject: id, subjectKind: 'team' }
      const usersKey = await store.insert(record(user, { name: 'Prod', nameKey: 'prod' }), T0)
      // The same name is free for the team: it is another owner.
      const teamsKey = await store.insert(record(team, { name: 'Prod', nameKey: 'prod' }), T0)
      expect(teamsKey).toMatchObject({ subject: id, subjectKind: 'team' })
      expect(await store.get(usersKey.id)).toMatchObject({ subject: id, subjectKind: 'user' })

      const listOf = async (owner: SubjectRef): Promise<string[]> =>
        (await store.list({ ...owner, nameKeyContains: '', offset: 0, limit: 10, now: T0 })).keys.map((k) => k.id)
      expect(await listOf(user)).toEqual([usersKey.id])
      expect(await listOf(team)).toEqual([teamsKey.id])

      // Naming the user's key as the team's (same id, other kind) finds nothing and changes nothing.
      expect(await store.revoke({ id: usersKey.id, ...team, reason: 'team', now: at(1) })).toBeNull()
      expect(await store.update({ id: usersKey.id, ...team, description: 'team', now: at(1) })).toBeNull()
      const replacement = record(team, { name: 'Prod', nameKey: 'prod' })
      expect(
        await store.roll({ id: usersKey.id, ...team, graceEnd: at(60), now: at(1), replacement: () => replacement }),
      ).toBeNull()
      expect(await store.get(usersKey.id)).toEqual(usersKey)
      expect(await store.get(replacement.id)).toBeNull()
      expect(await store.revoke({ id: teamsKey.id, ...user, reason: 'user', now: at(1) })).toBeNull()
      expect(await store.get(teamsKey.id)).toEqual(teamsKey)
    })

    it('lets exactly one of many concurrent creates of one name win', async () => {
      const s = subject()
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, () => store.insert(record(s, { name: 'Race', nameKey: 'race' }), T0)),
      )
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      for (const r of results.filter((r) => r.status === 'rejected')) {
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' })
      }
      expect((await store.list({ ...s, nameKeyContains: '', offset: 0, limit: 20, now: T0 })).totalCount).toBe(1)
    })

    it('frees the name of a revoked key, and of an expired key when the name is wanted', async () => {
      const s = subject()
      const first = await store.insert(record(s, { name: 'n', nameKey: 'n' }), T0)
      await store.revoke({ id: first.id, ...s, reason: null, now: T0 })
      await store.insert(record(s, { name: 'n', nameKey: 'n' }), T0)
      const short = await store.insert(record(s, { name: 'e', nameKey: 'e', expiration: at(10) }), T0)
      await expectConflict(store.insert(record(s, { name: 'E', nameKey: 'e' }), at(9)))
      await store.insert(record(s, { name: 'E', nameKey: 'e' }), at(10))
      expect((await store.get(short.id))?.expiration).toEqual(at(10))
    })

    it('keeps the first time and reason when a key is revoked twice', async () => {
      const s = subject()
      const key = await store.insert(record(s), T0)
      const first = await store.revoke({ id: key.id, ...s, reason: 'leaked', now: at(1) })
      const second = await store.revoke({ id: key.id, ...s, reason: 'again', now: at(2) })
      expect(first).toMatchObject({ revokedAt: at(1), revocationReason: 'leaked', updatedAt: at(1) })
      expect(second).toEqual(first)
      expect(await store.revoke({ id: key.id, ...subject(), reason: null, now: at(3) })).toBeNull()
    })

    it('records who revoked a key, keeps the first revoker, and leaves it out when the revoke did not say', async () => {
      const s = subject()
      const key = await store.insert(record(s), T0)
      const first = await store.revoke({ id: key.id, ...s, reason: null, revokedBy: 'user_bob', now: at(1) })
      expect(first?.revokedBy).toBe('user_bob')
      const again = await store.revoke({ id: key.id, ...s, reason: null, revokedBy: 'user_eve', now: at(2) })
      expect(again?.revokedBy).toBe('user_bob')
      expect((await store.get(key.id))?.revokedBy).toBe('user_bob')
      const unknown = await store.insert(record(s, { name: 'other', nameKey: 'other' }), T0)
      const revoked = await store.revoke({ id: unknown.id, ...s, reason: null, now: at(1) })
      expect(revoked).not.toBeNull()
      expect(revoked).not.toHaveProperty('revokedBy')
    })

    it('keeps the first of concurrent revocations', async () => {
      const s = subject()
      const key = await store.insert(record(s), T0)
      const results = await Promise.all(
        ['a', 'b', 'c', 'd'].map((reason, i) => store.revoke({ id: key.id, ...s, reason, now: at(i + 1) })),
      )
      const stored = await store.get(key.id)
      for (const result of results) expect(result).toEqual(stored)
    })

    it('updates name and description, refusing a taken name and other subjects', async () => {
      const s = subject()
      const a = await store.insert(record(s, { name: 'a', nameKey: 'a', description: 'keep' }), T0)
      await store.insert(record(s, { name: 'b', nameKey: 'b' }), T0)
      await expectConflict(store.update({ id: a.id, ...s, name: { name: 'B', nameKey: 'b' }, now: at(1) }))
      expect(await store.get(a.id)).toMatchObject({ name: 'a', description: 'keep', updatedAt: T0 })
      const renamed = await store.update({ id: a.id, ...s, name: { name: 'A2', nameKey: 'a2' }, now: at(2) })
      expect(renamed).toMatchObject({ name: 'A2', description: 'keep', updatedAt: at(2) })
      const found = await store.list({ ...s, nameKeyContains: 'a2', offset: 0, limit: 10, now: at(2) })
      expect(found.keys.map((key) => key.name)).toEqual(['A2']) // a search sees the new name
      const cleared = await store.update({ id: a.id, ...s, description: null, now: at(3) })
      expect(cleared).toMatchObject({ name: 'A2', description: null })
      expect(await store.update({ id: a.id, ...subject(), description: 'x', now: at(4) })).toBeNull()
      // The old name is free again.
      await store.insert(record(s, { name: 'a', nameKey: 'a' }), at(5))
    })

    it('rolls: shortens the old key to the grace end, hands the name over, refuses rolling twice', async () => {
      const s = subject()
      const old = await store.insert(record(s, { name: 'roll me', nameKey: 'roll me', expiration: at(100_000) }), T0)
      const next = record(s, { name: 'roll me', nameKey: 'roll me', createdAt: at(10) })
      const rolled = await store.roll({ id: old.id, ...s, graceEnd: at(70), now: at(10), replacement: () => next })
      expect(rolled?.previous).toMatchObject({ id: old.id, expiration: at(70), updatedAt: at(10), revokedAt: null })
      expect(rolled?.replacement).toMatchObject({ id: next.id, name: 'roll me' })
      await expectConflict(
        store.roll({
          id: old.id,
          ...s,
          graceEnd: at(80),
          now: at(20),
          replacement: () => record(s, { name: 'roll me', nameKey: 'roll me' }),
        }),
      )
      // A key ending before the grace end keeps its own end.
      const soon = await store.insert(record(s, { name: 'soon', nameKey: 'soon', expiration: at(30) }), T0)
      const kept = await store.roll({
        id: soon.id,
        ...s,
        graceEnd: at(1000),
        now: at(20),
        replacement: () => record(s, { name: 'soon', nameKey: 'soon' }),
      })
      expect(kept?.previous.expiration).toEqual(at(30))
      expect(
        await store.roll({ id: soon.id, ...subject(), graceEnd: at(1), now: at(1), replacement: () => next }),
      ).toBeNull()
    })

    it('links a roll both ways: the replacement names the old key, the old key its replacement', async () => {
      const s = subject()
      const old = await store.insert(record(s, { name: 'linked', nameKey: 'linked' }), T0)
      expect(old.rolledFrom).toBeUndefined()
      expect(old.replacedBy).toBeUndefined()
      const next = record(s, { name: 'linked', nameKey: 'linked', createdAt: at(10) })
      const rolled = await store.roll({ id: old.id, ...s, graceEnd: at(70), now: at(10), replacement: () => next })
      expect(rolled?.previous.replacedBy).toBe(next.id)
      expect(rolled?.previous.rolledFrom).toBeUndefined()
      expect(rolled?.replacement.rolledFrom).toBe(old.id)
      expect(rolled?.replacement.replacedBy).toBeUndefined()
      expect(await store.get(old.id)).toMatchObject({ replacedBy: next.id })
      expect(await store.get(next.id)).toMatchObject({ rolledFrom: old.id })
      const listed = await store.list({ ...s, nameKeyContains: '', offset: 0, limit: 10, now: at(10) })
      expect(listed.keys.map((key) => [key.rolledFrom, key.replacedBy])).toEqual([
        [old.id, undefined],
        [undefined, next.id],
      ])
    })

    it('refuses to roll a revoked or expired key and stores nothing', async () => {
      const s = subject()
      const revoked = await store.insert(record(s, { name: 'r', nameKey: 'r' }), T0)
      await store.revoke({ id: revoked.id, ...s, reason: null, now: T0 })
      const expired = await store.insert(record(s, { name: 'x', nameKey: 'x', expiration: at(5) }), T0)
      for (const id of [revoked.id, expired.id]) {
        await expectConflict(store.roll({ id, ...s, graceEnd: at(100), now: at(10), replacement: () => record(s) }))
      }
      expect((await store.list({ ...s, nameKeyContains: '', offset: 0, limit: 10, now: at(10) })).totalCount).toBe(2)
    })

    it('writes lastUsedAt only when it is stale', async () => {
      const s = subject()
      const key = await store.insert(record(s), T0)
      expect(await store.touchLastUsed({ id: key.id, now: at(1), staleAt: at(-59) })).toBe(true)
      expect(await store.touchLastUsed({ id: key.id, now: at(30), staleAt: at(-30) })).toBe(false)
      expect((await store.get(key.id))?.lastUsedAt).toEqual(at(1))
      expect(await store.touchLastUsed({ id: key.id, now: at(61), staleAt: at(1) })).toBe(true)
      expect((await store.get(key.id))?.lastUsedAt).toEqual(at(61))
      expect(await store.touchLastUsed({ id: newApiKeyId(), now: at(61), staleAt: at(1) })).toBe(false)
    })

    describeHygieneFilter(() => store)
  })
}

/** A database the SQL-only suites reach beside the stores: the app's own statements, and stores on it. */
export interface SqlTestDatabase {
  /** Runs statements outside any store (call it while no store of this database is open); the last one's rows. */
  sql(text: string): Promise<Record<string, unknown>[]>
  /** Opens a store on this database under the given names. */
  open(location: SqlLocation): Promise<ApiKeyStore>
  /** A schema name no other test uses (dropped by the database's own clean-up). */
  freshSchema(): string
}

/**
 * What only the SQL stores have, run on PGlite and PostgreSQL alike: a schema or table prefix that
 * keeps a store's tables apart from the app's and from other stores', and migration 2 on rows that
 * were stored before subjects had a kind. Stores are opened one at a time (an embedded data
 * directory has one opener).
 */
export function describeSqlStoreSuites(
  name: string,
  database: () => Promise<SqlTestDatabase>,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`SQL store: ${name}`, () => {
    async function withService<T>(
      db: SqlTestDatabase,
      location: SqlLocation,
      work: (service: ApiKeyService) => Promise<T>,
    ): Promise<T> {
      const store = await db.open(location)
      try {
        return await work(createApiKeyService({ store }))
      } finally {
        await store.close()
      }
    }

    it('keeps stores with different prefixes or a schema apart, and leaves the app’s own api_keys table alone', async () => {
      const db = await database()
      const schema = db.freshSchema()
      await db.sql(`CREATE TABLE api_keys (id serial PRIMARY KEY, label text NOT NULL);
        INSERT INTO api_keys (label) VALUES ('the app''s own row')`)
      // Without a prefix the store would need that very table: it refuses and changes nothing.
      await expect(db.open({})).rejects.toThrow()

      const owner = { subject: 'user_1', subjectKind: 'user' } as const
      const a = await withService(db, { tablePrefix: 'tenant_a_' }, (service) =>
        service.create({ ...owner, name: 'Prod' }),
      )
      const b = await withService(db, { tablePrefix: 'tenant_b_' }, async (service) => {
        expect((await service.list(owner)).totalCount).toBe(0)
        expect(await service.verify(a.secret)).toEqual({ valid: false, code: 'not_found' })
        return service.create({ ...owner, name: 'Prod' })
      })
      await withService(db, { schema }, async (service) => {
        expect((await service.list(owner)).totalCount).toBe(0)
        await service.create({ ...owner, name: 'Prod' })
      })
      await withService(db, { tablePrefix: 'tenant_a_' }, async (service) => {
        expect((await service.list(owner)).data.map((key) => key.id)).toEqual([a.id])
        expect(await service.verify(b.secret)).toEqual({ valid: false, code: 'not_found' })
        expect(await service.verify(a.secret)).toMatchObject({ valid: true })
      })

      const versionsOf = (table: string): string => `(SELECT json_agg(version ORDER BY version) FROM ${table})`
      const [after] = await db.sql(`SELECT
          (SELECT json_agg(json_build_object('id', id, 'label', label)) FROM api_keys) AS app_rows,
          ${versionsOf('tenant_a_rak_schema_migrations')} AS a, ${versionsOf('tenant_b_rak_schema_migrations')} AS b,
          ${versionsOf(`${schema}.rak_schema_migrations`)} AS s,
          (SELECT count(*)::int FROM ${schema}.api_keys) AS keys_in_schema,
          to_regclass('rak_schema_migrations')::text AS default_migrations_table`)
      const versions = MIGRATIONS.map((migration) => migration.version)
      expect(after).toEqual({
        app_rows: [{ id: 1, label: "the app's own row" }],
        a: versions,
        b: versions,
        s: versions,
        keys_in_schema: 1,
        // The kit's default migrations table was never made: nothing of the kit outside its names.
        default_migrations_table: null,
      })
    }, 120_000)

    it('refuses a prefix or schema that is not a plain lower-case identifier', async () => {
      const db = await database()
      for (const location of [
        { tablePrefix: 'x"; DROP TABLE api_keys; --' },
        { tablePrefix: 'Upper_' },
        { schema: 'a.b' },
        { tablePrefix: '1st_' },
      ]) {
        await expect(db.open(location)).rejects.toThrow(TypeError)
      }
    }, 60_000)

    it('migration 2: a key made by its own subject becomes that user’s; every other old key belongs to nobody yet, and still verifies', async () => {
      const db = await database()
      const hash = createSecretHasher()
      const [v1] = MIGRATIONS
      if (!v1) throw new Error('No migration 1.')
      const legacy = { own: generateApiKey('sk_'), team: generateApiKey('sk_'), unknown: generateApiKey('sk_') }
      const rows: [keyof typeof legacy, string, string | null][] = [
        ['own', 'bob', 'bob'], // made by bob for bob
        ['team', 'bob_team', 'alice'], // made by alice for a team (or for bob_team by an admin: no telling)
        ['unknown', 'carol', null], // made through the service without createdBy
      ]
      const inserts: string[] = []
      for (const [kind, subject, createdBy] of rows) {
        const by = createdBy === null ? 'NULL' : `'${createdBy}'`
        inserts.push(`INSERT INTO api_keys (id, subject, name, name_key, secret_hash, prefix, last_four, created_at, created_by, updated_at)
          VALUES ('ak_legacy_${kind}', '${subject}', '${kind}', '${kind}', '${await hash(legacy[kind])}', 'sk_', '${legacy[kind].slice(-4)}', now(), ${by}, now())`)
      }
      // A database as version 1 of the kit left it.
      await db.sql(`${v1.statements.join(';\n')};
        CREATE TABLE rak_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
        INSERT INTO rak_schema_migrations (version, name) VALUES (1, 'create_api_keys');
        ${inserts.join(';\n')}`)

      await withService(db, {}, async (service) => {
        expect((await service.list({ subject: 'bob', subjectKind: 'user' })).data.map((key) => key.id)).toEqual([
          'ak_legacy_own',
        ])
        for (const subject of ['bob', 'bob_team', 'carol']) {
          expect((await service.list({ subject, subjectKind: 'team' })).totalCount).toBe(0)
        }
        expect((await service.list({ subject: 'bob_team', subjectKind: 'user' })).totalCount).toBe(0)
        expect((await service.list({ subject: 'carol', subjectKind: 'user' })).totalCount).toBe(0)
        const verified = await service.verify(legacy.own)
        expect(verified).toMatchObject({ valid: true, key: { subject: 'bob', subjectKind: 'user' } })
        for (const secret of [legacy.team, legacy.unknown]) {
          const result = await service.verify(secret)
          expect(result.valid).toBe(true)
          expect(result.valid && 'subjectKind' in result.key).toBe(false)
        }
        // Nobody manages an unattributed key through the handler, not even the team's manager.
        const handler = createApiKeysHandler({
          service,
          authenticate: () => ({ userId: 'alice', teams: [{ id: 'bob_team', permissions: ['$manage_api_keys'] }] }),
        })
        expect((await handler(new Request('http://localhost/api-keys/ak_legacy_team'))).status).toBe(404)
        await service.create({ subject: 'bob_team', subjectKind: 'team', name: 'made after the upgrade' })
      })
      // What migration 2 decided, read before the app attributes the team's key with the one statement
      // the migration's comment gives (a data-modifying WITH sees the rows as they were).
      const [migrated] = await db.sql(`WITH attributed AS (
          UPDATE api_keys SET subject_kind = 'team' WHERE subject_kind IS NULL AND subject = ANY(ARRAY['bob_team']) RETURNING id
        )
        SELECT json_object_agg(id, subject_kind ORDER BY id) AS kinds FROM api_keys WHERE id LIKE 'ak_legacy_%'`)
      expect(migrated).toEqual({ kinds: { ak_legacy_own: 'user', ak_legacy_team: null, ak_legacy_unknown: null } })
      await withService(db, {}, async (service) => {
        expect((await service.list({ subject: 'bob_team', subjectKind: 'team' })).totalCount).toBe(2)
      })
    }, 120_000)
  })
}
