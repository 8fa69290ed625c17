// @vitest-environment node
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startChildServer, stopChild, type ChildServer } from './child-servers'

const FIXTURE = fileURLToPath(new URL('./fixtures/embedded-server.ts', import.meta.url))
const BURST = 200
const KILL_AFTER = 60

/** Starts the fixture server on the directory; it listens on loopback. */
const startServer = (dataDir: string): Promise<ChildServer> => startChildServer(FIXTURE, [dataDir])
const killHard = (child: ChildProcess): Promise<void> => stopChild(child, 'SIGKILL')

describe('embedded store durability', () => {
  let dataDir: string
  const children: ChildProcess[] = []

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rak-durability-'))
  })
  afterAll(async () => {
    for (const child of children) await killHard(child)
    await rm(dataDir, { recursive: true, force: true })
  })

  it('keeps every create answered 201 when the server is SIGKILLed mid-burst', async () => {
    const first = await startServer(dataDir)
    children.push(first.process)

    const acknowledged: { id: string; secret: string }[] = []
    let failed = 0
    let killed: Promise<void> | undefined
    await Promise.all(
      Array.from({ length: BURST }, async (_, i) => {
        try {
          const response = await fetch(`${first.base}/api-keys`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-user': 'user_durable' },
            body: JSON.stringify({ name: `burst ${i}` }),
          })
          const body = (await response.json()) as { id: string; secret: string }
          if (response.status !== 201) throw new Error(`Unexpected ${response.status}`)
          acknowledged.push({ id: body.id, secret: body.secret })
          if (acknowledged.length === KILL_AFTER) killed = killHard(first.process)
        } catch {
          failed++
        }
      }),
    )
    await killed
    // The kill really came mid-burst: some creates were answered, others never were.
    expect(first.process.signalCode).toBe('SIGKILL')
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER)
    expect(failed).toBeGreaterThan(0)
    expect(acknowledged.length + failed).toBe(BURST)

    const second = await startServer(dataDir)
    children.push(second.process)
    const stored = new Set<string>()
    for (let page = 1; ; page++) {
      const response = await fetch(`${second.base}/api-keys?pageSize=100&page=${page}`, {
        headers: { 'x-user': 'user_durable' },
      })
      const body = (await response.json()) as { data: { id: string }[]; totalCount: number }
      for (const key of body.data) stored.add(key.id)
      if (body.data.length < 100) break
    }
    const lost = acknowledged.filter((key) => !stored.has(key.id))
    expect(lost).toEqual([])
    expect(stored.size).toBeLessThanOrEqual(BURST)

    // And the acknowledged secrets still verify: the hash survived with the row.
    const probe = await fetch(`${second.base}/api-keys/${acknowledged[0]?.id ?? ''}`, {
      headers: { 'x-user': 'user_durable' },
    })
    expect(probe.status).toBe(200)
    await killHard(second.process)
  })
})
