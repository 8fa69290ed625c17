// @vitest-environment node
import { generateApiKey } from '../../src/core/key-format'
import { createApiKeyService, type ApiKeyServiceOptions } from '../../src/server/service/api-key-service'
import { createMemoryStore } from '../../src/server/stores/memory-store'
import type { ApiKeyStore, KeyChangeListener } from '../../src/server/stores/types'
import { recordingStore, testClock } from './helpers'

const SECOND = 1000
const HOUR = 3600

function setup(options: Partial<ApiKeyServiceOptions> = {}, inner: ApiKeyStore = createMemoryStore()) {
  const clock = testClock()
  const { store, calls } = recordingStore(inner)
  const service = createApiKeyService({ store, now: clock.now, ...options })
  /** How many times verify asked the store. */
  const lookups = (): number => calls.filter((call) => call.method === 'findBySecretHash').length
  return { clock, store, service, lookups }
}

describe('verify cache: answers', () => {
  it('asks the store once for a hot key, and gives the same answer each time', async () => {
    const { service, lookups } = setup()
    const key = await service.create({ subject: 'u', name: 'hot', scopes: ['read'] })
    for (let i = 0; i < 5; i++) {
      const result = await service.verify(key.secret, { scopes: ['read'] })
      expect(result).toMatchObject({ valid: true, key: { id: key.id, name: 'hot', scopes: ['read'] } })
    }
    expect(await service.verify(key.secret, { scopes: ['write'] })).toEqual({
      valid: false,
      code: 'insufficient_scope',
    })
    expect(lookups()).toBe(1)
  })

  it('hands out claims no caller can change for the next one', async () => {
    const { service } = setup()
    const key = await service.create({ subject: 'u', name: 'k', claims: { plan: 'pro', limits: { rps: 5 } } })
    const first = await service.verify(key.secret)
    if (!first.valid) throw new Error('The key was refused.')
    const claims = first.key.claims as { plan: string; limits: { rps: number } }
    expect(() => (claims.plan = 'free')).toThrow(TypeError)
    expect(() => (claims.limits.rps = 500)).toThrow(TypeError)
    expect(await service.verify(key.secret)).toMatchObject({ key: { claims: { plan: 'pro', limits: { rps: 5 } } } })
  })

  it('hands out dates and scopes no caller can change for the next one', async () => {
    const { service } = setup()
    const key = await service.create({ subject: 'u', name: 'k', scopes: ['read'], secondsUntilExpiration: HOUR })
    const first = await service.verify(key.secret)
    if (!first.valid) throw new Error('The key was refused.')
    const createdAt = first.key.createdAt.getTime()
    const expiration = first.key.expiration?.getTime() ?? 0
    first.key.createdAt.setTime(0)
    first.key.expiration?.setTime(0)
    first.key.scopes.push('admin')
    expect(await service.verify(key.secret)).toMatchObject({
      valid: true,
      key: { createdAt: new Date(createdAt), expiration: new Date(expiration), scopes: ['read'] },
    })
  })

  it('asks the store once for an unknown key and refuses it each time', async () => {
    const { service, lookups } = setup()
    const unknown = generateApiKey()
    for (let i = 0; i < 3; i++) expect(await service.verify(unknown)).toEqual({ valid: false, code: 'not_found' })
    expect(lookups()).toBe(1)
  })

  it('asks the store once when many verify one key at the same moment', async () => {
    const { service, lookups } = setup()
    const key = await service.create({ subject: 'u', name: 'k' })
    const results = await Promise.all(Array.from({ length: 16 }, () => service.verify(key.secret)))
    expect(results.every((result) => result.valid)).toBe(true)
    expect(lookups()).toBe(1)
  })

  it('asks the store every time when turned off', async () => {
    const { service, lookups } = setup({ verifyCache: false })
    const key = await service.create({ subject: 'u', name: 'k' })
    await service.verify(key.secret)
    await service.verify(key.secret)
    expect(lookups()).toBe(2)
  })

  it('judges expiry when it answers, from the cached key', async () => {
    const { service, clock, lookups } = setup({ verifyCache: { ttlSeconds: HOUR } })
    const key = await service.create({ subject: 'u', name: 'short', secondsUntilExpiration: 60 })
    expect((await service.verify(key.secret)).valid).toBe(true)
    clock.advance(61 * SECOND)
    expect(await service.verify(key.secret)).toEqual({ valid: false, code: 'expired' })
    expect(lookups()).toBe(1)
  })

  it('asks the store again once the TTL has passed, so a change behind its back is seen', async () => {
    const { service, store, clock } = setup({ verifyCache: { ttlSeconds: 1 } })
    const key = await service.create({ subject: 'u', name: 'k' })
    expect((await service.verify(key.secret)).valid).toBe(true)
    // Revoked in the store directly: no service announced it.
    await store.revoke({ id: key.id, subject: 'u', subjectKind: 'user', reason: null, now: new Date(clock.now()) })
    clock.advance(SECOND)
    expect(await service.verify(key.secret)).toEqual({ valid: false, code: 'revoked' })
  })

  it('does not trust an entry from the future when the clock goes back', async () => {
    const { service, clock, lookups } = setup({ verifyCache: { ttlSeconds: HOUR } })
    const key = await service.create({ subject: 'u', name: 'k' })
    await service.verify(key.secret)
    clock.advance(-SECOND)
    await service.verify(key.secret)
    expect(lookups()).toBe(2)
  })
})

describe('verify cache: changes made in this process are seen at once', () => {
  const LONG = { verifyCache: { ttlSeconds: HOUR } }

  it('refuses a key revoked by the same service', async () => {
    const { service } = setup(LONG)
    const key = await service.create({ subject: 'u', name: 'k' })
    expect((await service.verify(key.secret)).valid).toBe(true)
    await service.revoke({ subject: 'u', apiKeyId: key.id })
    expect(await service.verify(key.secret)).toEqual({ valid: false, code: 'revoked' })
  })

  it('refuses a key revoked by another service on the same store', async () => {
    const { service, store, clock } = setup(LONG)
    const other = createApiKeyService({ store, now: clock.now, ...LONG })
    const key = await service.create({ subject: 'u', name: 'k' })
    expect((await service.verify(key.secret)).valid).toBe(true)
    expect((await other.verify(key.secret)).valid).toBe(true)
    await other.revoke({ subject: 'u', apiKeyId: key.id })
    expect(await service.verify(key.secret)).toEqual({ valid: false, code: 'revoked' })
  })

  it('answers with the new name after an edit, and expires the old key after a roll', async () => {
    const { service } = setup(LONG)
    const key = await service.create({ subject: 'u', name: 'before' })
    await service.verify(key.secret)
    await service.update({ subject: 'u', apiKeyId: key.id, name: 'after' })
    expect(await service.verify(key.secret)).toMatchObject({ valid: true, key: { name: 'after' } })
    const { replacement } = await service.roll({ subject: 'u', apiKeyId: key.id, gracePeriodSeconds: 0 })
    expect(await service.verify(key.secret)).toEqual({ valid: false, code: 'expired' })
    expect((await service.verify(replacement.secret)).valid).toBe(true)
  })

  it('does not keep an answer read while the key was being revoked', async () => {
    const inner = createMemoryStore()
    let releaseRead = (): void => undefined
    const held = new Promise<void>((resolve) => (releaseRead = resolve))
    let signalRead = (): void => undefined
    const read = new Promise<void>((resolve) => (signalRead = resolve))
    let holdNextRead = false
    // The store reads the key, then its answer is held back until the test releases it.
    const slow: ApiKeyStore = {
      ...inner,
      async findBySecretHash(hash) {
        // A copy, as a SQL store returns: the row as it was read.
        const found = structuredClone(await inner.findBySecretHash(hash))
        if (holdNextRead) {
          holdNextRead = false
          signalRead()
          await held
        }
        return found
      },
    }
    const { service } = setup(LONG, slow)
    const key = await service.create({ subject: 'u', name: 'k' })
    holdNextRead = true
    const before = service.verify(key.secret)
    await read
    await service.revoke({ subject: 'u', apiKeyId: key.id })
    releaseRead()
    // That read began before the revoke, so it answers valid; it must not be remembered.
    expect((await before).valid).toBe(true)
    expect(await service.verify(key.secret)).toEqual({ valid: false, code: 'revoked' })
  })
})

describe('verify cache: bounds', () => {
  it('forgets the least recently used key beyond maxEntries', async () => {
    const { service, lookups } = setup({ verifyCache: { maxEntries: 2, ttlSeconds: HOUR } })
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((name) => service.create({ subject: 'u', name })))
    if (!a || !b || !c) throw new Error('Keys were not made.')
    await service.verify(a.secret)
    await service.verify(b.secret)
    await service.verify(a.secret) // a is now the most recently used
    await service.verify(c.secret) // evicts b
    expect(lookups()).toBe(3)
    await service.verify(a.secret)
    expect(lookups()).toBe(3)
    await service.verify(b.secret)
    expect(lookups()).toBe(4)
  })

  it('when every key was used since it was stored, spares each once and then forgets the oldest', async () => {
    const { service, lookups } = setup({ verifyCache: { maxEntries: 2, ttlSeconds: HOUR } })
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((name) => service.create({ subject: 'u', name })))
    if (!a || !b || !c) throw new Error('Keys were not made.')
    for (const key of [a, b, a, b]) await service.verify(key.secret) // both stored, both used since
    await service.verify(c.secret) // evicts a, the oldest, after sparing both once
    expect(lookups()).toBe(3)
    await service.verify(b.secret)
    await service.verify(c.secret)
    expect(lookups()).toBe(3)
    expect((await service.verify(a.secret)).valid).toBe(true)
    expect(lookups()).toBe(4)
  })

  it('keeps known keys while a flood of unknown ones comes and goes', async () => {
    const { service, lookups } = setup({ verifyCache: { maxEntries: 2, ttlSeconds: HOUR } })
    const key = await service.create({ subject: 'u', name: 'k' })
    await service.verify(key.secret)
    for (let i = 0; i < 10; i++) await service.verify(generateApiKey())
    const before = lookups()
    expect((await service.verify(key.secret)).valid).toBe(true)
    expect(lookups()).toBe(before)
  })

  it('refuses settings that cannot work', () => {
    const store = createMemoryStore()
    expect(() => createApiKeyService({ store, verifyCache: { ttlSeconds: -1 } })).toThrow(RangeError)
    expect(() => createApiKeyService({ store, verifyCache: { maxEntries: 1.5 } })).toThrow(RangeError)
  })
})

describe('verify cache: a store that hears other processes', () => {
  /** A memory store with a change feed the test drives: whether it is listening, and what it hears. */
  function feedStore() {
    const listeners = new Set<KeyChangeListener>()
    const feed = { live: false }
    const store: ApiKeyStore = {
      ...createMemoryStore(),
      subscribeToChanges(listener) {
        listeners.add(listener)
        return {
          get live() {
            return feed.live
          },
          unsubscribe: () => listeners.delete(listener),
        }
      },
    }
    const hear = (change: Parameters<KeyChangeListener>[0]): void => listeners.forEach((listener) => listener(change))
    return { store, feed, hear }
  }

  it('keeps nothing while it is not listening, and drops a key another process changed', async () => {
    const { store, feed, hear } = feedStore()
    const { service, lookups } = setup({ verifyCache: { ttlSeconds: HOUR } }, store)
    const key = await service.create({ subject: 'u', name: 'k' })
    await service.verify(key.secret)
    await service.verify(key.secret)
    expect(lookups()).toBe(2)

    feed.live = true
    await service.verify(key.secret)
    await service.verify(key.secret)
    expect(lookups()).toBe(3)

    hear({ kind: 'key', id: key.id })
    await service.verify(key.secret)
    expect(lookups()).toBe(4)

    hear({ kind: 'all' })
    await service.verify(key.secret)
    expect(lookups()).toBe(5)
  })
})
