// @vitest-environment node
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApiKeyService } from '../../src/server/service/api-key-service'
import { createEmbeddedStore } from '../../src/server/stores/embedded-store'
import { describeStoreContract } from './store-contract'

describeStoreContract('embedded (PGlite)', () => createEmbeddedStore())

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await filesUnder(path)))
    else if (entry.isFile()) out.push(path)
  }
  return out
}

describe('embedded store on disk', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rak-embedded-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('persists keys across reopening and never writes a secret to disk', async () => {
    const firstStore = await createEmbeddedStore({ dataDir: dir })
    const first = createApiKeyService({ store: firstStore })
    const created = await first.create({ subject: 'user_disk', name: 'on disk', scopes: ['read'] })
    const revoked = await first.create({ subject: 'user_disk', name: 'revoked one' })
    await first.revoke({ subject: 'user_disk', apiKeyId: revoked.id, revocationReason: 'test' })
    await firstStore.close()

    // Every byte PGlite wrote (heap, WAL, indexes): the secrets' random parts are nowhere.
    const files = await filesUnder(dir)
    expect(files.length).toBeGreaterThan(10)
    let scanned = 0
    let sawLastFour = false
    for (const file of files) {
      const text = (await readFile(file)).toString('latin1')
      scanned += (await stat(file)).size
      expect(text.includes(created.secret.slice(3))).toBe(false)
      expect(text.includes(revoked.secret.slice(3))).toBe(false)
      expect(text.includes(created.secret.slice(3, 15))).toBe(false)
      sawLastFour ||= text.includes(created.name) && text.includes(created.lastFour)
    }
    expect(scanned).toBeGreaterThan(1_000_000)
    expect(sawLastFour).toBe(true)

    const store = await createEmbeddedStore({ dataDir: dir })
    const second = createApiKeyService({ store })
    const listed = await second.list({ subject: 'user_disk' })
    expect(listed.data.map((key) => key.name)).toEqual(['revoked one', 'on disk'])
    expect(listed.data[0]).toMatchObject({ revoked: true, revocationReason: 'test' })
    expect(await second.verify(created.secret)).toMatchObject({
      valid: true,
      key: { id: created.id, scopes: ['read'] },
    })
    await store.close()
  })
})

describe('embedded store vacuum', () => {
  it('vacuums its tables in the background when opened and after every `vacuumEvery` writes', async () => {
    const outcomes: Array<Error | null> = []
    let wake: (() => void) | undefined
    const vacuums = (count: number) =>
      new Promise<void>((resolve) => {
        const check = (): void => {
          if (outcomes.length >= count) resolve()
          else wake = check
        }
        check()
      })
    const store = await createEmbeddedStore({
      vacuumEvery: 3,
      onVacuum: (error) => {
        outcomes.push(error)
        wake?.()
      },
    })
    const service = createApiKeyService({ store })
    await vacuums(1) // the one on open
    for (const name of ['one', 'two', 'three']) await service.create({ subject: 'user_vacuum', name })
    await vacuums(2)
    expect(outcomes.every((error) => error === null)).toBe(true)
    expect((await service.list({ subject: 'user_vacuum' })).data.map((key) => key.name)).toEqual([
      'three',
      'two',
      'one',
    ])
    await store.close()
  })
})
