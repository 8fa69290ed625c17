// @vitest-environment node
import { ApiKeysError } from '../../src/core/errors'
import { sha256Hex } from '../../src/core/hash'
import { generateApiKey, isWellFormedApiKey } from '../../src/core/key-format'
import { UNUSED_AFTER_MS } from '../../src/core/key-hygiene'
import { MAX_GRACE_PERIOD_SECONDS } from '../../src/core/validation'
import { createApiKeyService } from '../../src/server/service/api-key-service'
import { constantTimeEqual } from '../../src/server/service/constant-time'
import { createSecretHasher } from '../../src/server/service/secret-hash'
import { createMemoryStore } from '../../src/server/stores/memory-store'
import { recordingStore, rejectionOf, testClock } from './helpers'

function setup(options: { prefix?: string } = {}) {
  const clock = testClock()
  const recorded = recordingStore(createMemoryStore())
  const service = createApiKeyService({ store: recorded.store, now: clock.now, ...options })
  return { clock, service, calls: recorded.calls }
}

const SECOND = 1000

describe('createApiKeyService: create', () => {
  it('issues a well-formed secret once and hands the store only its hash and last four', async () => {
    const { service, calls } = setup({ prefix: 'sk_live_' })
    const key = await service.create({
      subject: 'user_1',
      createdBy: 'user_1',
      name: '  Deploy  ',
      description: 'ci',
      scopes: ['read', 'read', 'write'],
      claims: { env: 'prod' },
      secondsUntilExpiration: 3600,
    })
    expect(isWellFormedApiKey(key.secret, { prefix: 'sk_live_' })).toBe(true)
    expect(key).toMatchObject({
      type: 'api_key',
      name: 'Deploy',
      subject: 'user_1',
      createdBy: 'user_1',
      scopes: ['read', 'write'],
      claims: { env: 'prod' },
      prefix: 'sk_live_',
      lastFour: key.secret.slice(-4),
      expiration: new Date(Date.parse('2030-01-01T01:00:00.000Z')),
      expired: false,
      revoked: false,
    })
    const insert = calls.find((call) => call.method === 'insert')
    expect(insert?.args).toContain(await sha256Hex(key.secret))
    for (const call of calls) expect(call.args).not.toContain(key.secret.slice(8))
    expect((await service.get({ apiKeyId: key.id })).secret).toBeUndefined()
    expect(JSON.stringify(await service.list({ subject: 'user_1' }))).not.toContain(key.secret)
  })

  it('refuses invalid input with issues, and unsafe text, storing nothing', async () => {
    const { service, calls } = setup()
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(10_000) }, 'name'],
      [{ name: 42 }, 'name'],
      [{ name: 'a\u0000b' }, 'name'],
      [{ name: 'line\nbreak' }, 'name'],
      [{ name: 'lone \uD800 surrogate' }, 'name'],
      [{ name: 'ok', description: 7 }, 'description'],
      [{ name: 'ok', scopes: 'read' }, 'scopes'],
      [{ name: 'ok', scopes: ['a\u0000'] }, 'scopes'],
      [{ name: 'ok', claims: [] }, 'claims'],
      [{ name: 'ok', claims: { k: 'v\u0000' } }, 'claims'],
      [{ name: 'ok', claims: { big: 'x'.repeat(5000) } }, 'claims'],
      [{ name: 'ok', secondsUntilExpiration: '60' }, 'secondsUntilExpiration'],
      [{ name: 'ok', secondsUntilExpiration: -1 }, 'secondsUntilExpiration'],
    ]
    for (const [input, field] of cases) {
      const error = await rejectionOf(service.create({ subject: 'user_1', ...input } as never))
      expect(error, JSON.stringify(input).slice(0, 80)).toBeInstanceOf(ApiKeysError)
      expect((error as ApiKeysError).code).toBe('invalid_input')
      expect((error as ApiKeysError).issues.map((issue) => issue.field)).toContain(field)
    }
    for (const subject of ['', 'x'.repeat(256), 'a\u0000'] as const) {
      expect(await rejectionOf(service.create({ subject, name: 'ok' }))).toMatchObject({ code: 'invalid_input' })
    }
    expect(calls.filter((call) => call.method === 'insert')).toEqual([])
  })

  it('accepts unicode names and SQL metacharacters as plain text', async () => {
    const { service } = setup()
    for (const name of ['🔑 Ключ 鍵 مفتاح', "'; DROP TABLE api_keys; --", 'Robert"); --']) {
      expect((await service.create({ subject: 'user_u', name })).name).toBe(name)
    }
    expect((await service.list({ subject: 'user_u', query: 'ключ' })).data.map((key) => key.name)).toEqual([
      '🔑 Ключ 鍵 مفتاح',
    ])
  })

  it('lets exactly one of concurrent creates of one name win, and frees an expired name', async () => {
    const { service, clock } = setup()
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => service.create({ subject: 'u', name: 'Same', secondsUntilExpiration: 10 })),
    )
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    expect(await rejectionOf(service.create({ subject: 'u', name: 'SAME' }))).toMatchObject({
      code: 'conflict',
      status: 409,
    })
    clock.advance(10 * SECOND)
    expect((await service.create({ subject: 'u', name: 'same' })).name).toBe('same')
  })
})

describe('createApiKeyService: list, get, update, revoke', () => {
  it('validates list parameters and pages newest first', async () => {
    const { service, clock } = setup()
    for (let i = 0; i < 5; i++) {
      await service.create({ subject: 'u', name: `key ${i}` })
      clock.advance(SECOND)
    }
    const page = await service.list({ subject: 'u', page: 2, pageSize: 2 })
    expect(page.totalCount).toBe(5)
    expect(page.data.map((key) => key.name)).toEqual(['key 2', 'key 1'])
    for (const bad of [
      { page: 0 },
      { pageSize: 101 },
      { pageSize: 1.5 },
      { status: 'gone' },
      { hygiene: 'stale' },
      { query: 'q'.repeat(201) },
      { query: 5 },
    ]) {
      expect(await rejectionOf(service.list({ subject: 'u', ...bad }))).toMatchObject({ code: 'invalid_input' })
    }
  })

  it('narrows a list to a hygiene finding at its clock, and names the findings it knows', async () => {
    const { service, clock } = setup()
    await service.create({ subject: 'u', name: 'old' })
    clock.advance(UNUSED_AFTER_MS + SECOND)
    await service.create({ subject: 'u', name: 'soon', secondsUntilExpiration: 3 * 24 * 60 * 60 })
    await service.create({ subject: 'u', name: 'later', secondsUntilExpiration: 30 * 24 * 60 * 60 })
    const names = async (hygiene: unknown): Promise<[string[], number]> => {
      const page = await service.list({ subject: 'u', hygiene, pageSize: 1 })
      return [page.data.map((key) => key.name), page.totalCount]
    }
    expect(await names('unused')).toEqual([['old'], 1])
    expect(await names('expiring-this-week')).toEqual([['soon'], 1])
    expect(await names(undefined)).toEqual([['later'], 3])
    expect(await rejectionOf(service.list({ subject: 'u', hygiene: 'Unused' }))).toMatchObject({
      code: 'invalid_input',
      message: 'The hygiene filter must be one of expiring-this-week, unused.',
    })
  })

  it('keeps the first time and reason when revoked twice', async () => {
    const { service, clock } = setup()
    const key = await service.create({ subject: 'u', name: 'k' })
    const first = await service.revoke({ subject: 'u', apiKeyId: key.id, revocationReason: 'leaked' })
    clock.advance(5 * SECOND)
    const second = await service.revoke({ subject: 'u', apiKeyId: key.id, revocationReason: 'other' })
    expect(second).toEqual(first)
    expect(second).toMatchObject({ revoked: true, revocationReason: 'leaked' })
    expect(await service.verify(key.secret)).toEqual({ valid: false, code: 'revoked' })
  })

  it('answers not_found for another subject, and updates name and description', async () => {
    const { service } = setup()
    const key = await service.create({ subject: 'u', name: 'k', description: 'd' })
    await service.create({ subject: 'u', name: 'taken' })
    expect(await rejectionOf(service.get({ apiKeyId: key.id, subject: 'other' }))).toMatchObject({ code: 'not_found' })
    expect(await rejectionOf(service.revoke({ apiKeyId: key.id, subject: 'other' }))).toMatchObject({
      code: 'not_found',
    })
    expect(await rejectionOf(service.update({ apiKeyId: key.id, subject: 'u', name: 'Taken' }))).toMatchObject({
      code: 'conflict',
    })
    expect(await service.update({ apiKeyId: key.id, subject: 'u', name: 'renamed' })).toMatchObject({
      name: 'renamed',
      description: 'd',
    })
    expect(await service.update({ apiKeyId: key.id, subject: 'u', description: null })).toMatchObject({
      name: 'renamed',
      description: null,
    })
  })

  it('takes the subject kind as part of the owner: a team and a user with one id never share a key', async () => {
    const { service } = setup()
    const users = await service.create({ subject: 'bob', name: 'Prod' })
    const teams = await service.create({ subject: 'bob', subjectKind: 'team', name: 'Prod' })
    expect(users).toMatchObject({ subject: 'bob', subjectKind: 'user' })
    expect(teams).toMatchObject({ subject: 'bob', subjectKind: 'team' })
    expect((await service.list({ subject: 'bob', subjectKind: 'team' })).data.map((key) => key.id)).toEqual([teams.id])
    expect((await service.list({ subject: 'bob' })).data.map((key) => key.id)).toEqual([users.id])
    const asTeam = { apiKeyId: users.id, subject: 'bob', subjectKind: 'team' } as const
    expect(await rejectionOf(service.get(asTeam))).toMatchObject({ code: 'not_found' })
    expect(await rejectionOf(service.revoke(asTeam))).toMatchObject({ code: 'not_found' })
    expect(await rejectionOf(service.update({ ...asTeam, name: 'mine' }))).toMatchObject({ code: 'not_found' })
    expect(await rejectionOf(service.roll({ ...asTeam, gracePeriodSeconds: 0 }))).toMatchObject({ code: 'not_found' })
    expect(await service.verify(users.secret)).toMatchObject({
      valid: true,
      key: { subjectKind: 'user', revoked: false },
    })
    const bad = { subject: 'bob', subjectKind: 'org' } as unknown as { subject: string }
    expect(await rejectionOf(service.create({ ...bad, name: 'x' }))).toMatchObject({ code: 'invalid_input' })
    expect(await rejectionOf(service.list(bad))).toMatchObject({ code: 'invalid_input' })
  })
})

describe('createApiKeyService: roll', () => {
  it('keeps the old key valid for the grace period, then expired; the replacement inherits the key', async () => {
    const { service, clock } = setup()
    const old = await service.create({
      subject: 'team_1',
      createdBy: 'user_1',
      name: 'Roll me',
      description: 'desc',
      scopes: ['a', 'b'],
      claims: { c: 1 },
      secondsUntilExpiration: 86_400,
    })
    clock.advance(100 * SECOND)
    const { replacement, previous } = await service.roll({
      subject: 'team_1',
      apiKeyId: old.id,
      gracePeriodSeconds: 60,
    })
    expect(replacement).toMatchObject({
      name: 'Roll me',
      description: 'desc',
      scopes: ['a', 'b'],
      claims: { c: 1 },
      subject: 'team_1',
      createdBy: 'user_1',
      expiration: new Date(clock.now() + 86_400 * SECOND),
    })
    expect(replacement.secret).not.toBe(old.secret)
    expect(previous).toMatchObject({ id: old.id, expiration: new Date(clock.now() + 60 * SECOND), revoked: false })
    clock.advance(59 * SECOND)
    expect(await service.verify(old.secret)).toMatchObject({ valid: true })
    clock.advance(SECOND)
    expect(await service.verify(old.secret)).toEqual({ valid: false, code: 'expired' })
    expect(await service.verify(replacement.secret)).toMatchObject({ valid: true, key: { id: replacement.id } })
    expect(
      await rejectionOf(service.roll({ subject: 'team_1', apiKeyId: old.id, gracePeriodSeconds: 0 })),
    ).toMatchObject({ code: 'conflict' })
  })

  it('with no grace the old key expires at once; bad grace periods are refused', async () => {
    const { service } = setup()
    const old = await service.create({ subject: 'u', name: 'r' })
    for (const grace of [-1, 1.5, '60', MAX_GRACE_PERIOD_SECONDS + 1, undefined]) {
      expect(
        await rejectionOf(service.roll({ subject: 'u', apiKeyId: old.id, gracePeriodSeconds: grace })),
      ).toMatchObject({
        code: 'invalid_input',
      })
    }
    const { replacement } = await service.roll({ subject: 'u', apiKeyId: old.id, gracePeriodSeconds: 0 })
    expect(await service.verify(old.secret)).toEqual({ valid: false, code: 'expired' })
    expect(replacement.expiration).toBeNull()
    expect((await service.list({ subject: 'u', status: 'active' })).data.map((key) => key.id)).toEqual([replacement.id])
  })
})

describe('createApiKeyService: verify', () => {
  it('answers every code', async () => {
    const { service, clock } = setup()
    const good = await service.create({ subject: 'u', name: 'good', scopes: ['read', 'write'] })
    const revoked = await service.create({ subject: 'u', name: 'revoked' })
    await service.revoke({ subject: 'u', apiKeyId: revoked.id })
    const expiring = await service.create({ subject: 'u', name: 'expiring', secondsUntilExpiration: 5 })
    clock.advance(5 * SECOND)

    expect(await service.verify(good.secret)).toMatchObject({
      valid: true,
      key: { id: good.id, subject: 'u', scopes: ['read', 'write'] },
    })
    expect(await service.verify(good.secret, { scopes: ['read'] })).toMatchObject({ valid: true })
    expect(await service.verify(good.secret, { scopes: ['read', 'admin'] })).toEqual({
      valid: false,
      code: 'insufficient_scope',
    })
    expect(await service.verify(revoked.secret)).toEqual({ valid: false, code: 'revoked' })
    expect(await service.verify(expiring.secret)).toEqual({ valid: false, code: 'expired' })
    expect(await service.verify(generateApiKey('sk_'))).toEqual({ valid: false, code: 'not_found' })
    const flipped = good.secret.slice(0, -1) + (good.secret.endsWith('A') ? 'B' : 'A')
    for (const junk of [
      flipped,
      '',
      'sk_',
      'Bearer x',
      42,
      null,
      undefined,
      { secret: good.secret },
      generateApiKey('pk_'),
      good.secret + ' ',
    ]) {
      expect(await service.verify(junk)).toEqual({ valid: false, code: 'malformed' })
    }
  })

  it('answers malformed without touching the store', async () => {
    const { service, calls } = setup()
    const key = await service.create({ subject: 'u', name: 'k' })
    const before = calls.length
    const corrupt = key.secret.slice(0, 5) + (key.secret[5] === 'a' ? 'b' : 'a') + key.secret.slice(6)
    expect(await service.verify(corrupt)).toEqual({ valid: false, code: 'malformed' })
    expect(await service.verify('sk_' + 'A'.repeat(28))).toEqual({ valid: false, code: 'malformed' })
    expect(calls.length).toBe(before)
  })

  it('writes lastUsedAt at most once a minute per key', async () => {
    const { service, clock, calls } = setup()
    const key = await service.create({ subject: 'u', name: 'hot' })
    const other = await service.create({ subject: 'u', name: 'other' })
    const start = clock.now()
    for (let i = 0; i < 100; i++) {
      await service.verify(key.secret)
      clock.advance(500)
    }
    await service.verify(other.secret)
    expect(calls.filter((call) => call.method === 'touchLastUsed')).toHaveLength(2)
    expect((await service.get({ apiKeyId: key.id })).lastUsedAt).toEqual(new Date(start))
    clock.set(start + 60 * SECOND)
    const result = await service.verify(key.secret)
    expect(result).toMatchObject({ valid: true, key: { lastUsedAt: new Date(start + 60 * SECOND) } })
    expect((await service.get({ apiKeyId: key.id })).lastUsedAt).toEqual(new Date(start + 60 * SECOND))
    expect(calls.filter((call) => call.method === 'touchLastUsed')).toHaveLength(3)
  })

  it('the SQL-side guard holds across service instances (several servers share a store)', async () => {
    const clock = testClock()
    const { store } = recordingStore(createMemoryStore())
    const a = createApiKeyService({ store, now: clock.now })
    const b = createApiKeyService({ store, now: clock.now })
    const key = await a.create({ subject: 'u', name: 'shared' })
    await a.verify(key.secret)
    clock.advance(10 * SECOND)
    await b.verify(key.secret)
    expect((await a.get({ apiKeyId: key.id })).lastUsedAt).toEqual(new Date(clock.now() - 10 * SECOND))
  })

  it('still answers valid when recording the use fails', async () => {
    const inner = createMemoryStore()
    const service = createApiKeyService({
      store: { ...inner, touchLastUsed: () => Promise.reject(new Error('disk full')) },
    })
    const key = await service.create({ subject: 'u', name: 'k' })
    expect(await service.verify(key.secret)).toMatchObject({ valid: true })
  })
})

describe('secret hashing and comparison', () => {
  it('the fast hasher gives exactly the Web Crypto SHA-256', async () => {
    const hash = createSecretHasher()
    for (let i = 0; i < 50; i++) {
      const secret = generateApiKey(i % 2 === 0 ? 'sk_' : 'sk_test_')
      expect(await hash(secret)).toBe(await sha256Hex(secret))
    }
    expect(await hash('ünïcødé 🔑')).toBe(await sha256Hex('ünïcødé 🔑'))
  })

  it('on a Node without the one-shot crypto.hash, createHash gives the same SHA-256', async () => {
    const builtin = process.getBuiltinModule.bind(process)
    const spy = vi.spyOn(process, 'getBuiltinModule').mockImplementation(((id: string) => {
      const { createHash } = builtin('node:crypto')
      return id === 'node:crypto' ? { createHash } : builtin(id)
    }) as typeof process.getBuiltinModule)
    try {
      const hash = createSecretHasher()
      expect(spy).toHaveBeenCalledWith('node:crypto')
      const secret = generateApiKey('sk_')
      expect(hash(secret)).toBe(await sha256Hex(secret))
      expect(hash('ünïcødé 🔑')).toBe(await sha256Hex('ünïcødé 🔑'))
    } finally {
      spy.mockRestore()
    }
  })

  it('a service on Web Crypto alone verifies the same keys', async () => {
    const store = createMemoryStore()
    const fast = createApiKeyService({ store })
    const portable = createApiKeyService({ store, hashSecret: sha256Hex })
    const key = await fast.create({ subject: 'u', name: 'k' })
    expect(await portable.verify(key.secret)).toMatchObject({ valid: true })
  })

  it('constantTimeEqual compares whole strings', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true)
    expect(constantTimeEqual('abc', 'abd')).toBe(false)
    expect(constantTimeEqual('abc', 'ab')).toBe(false)
    expect(constantTimeEqual('', '')).toBe(true)
  })

  it('refuses an invalid prefix', () => {
    expect(() => createApiKeyService({ store: createMemoryStore(), prefix: 'SK-' })).toThrow(TypeError)
  })
})
