// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApiKeyService } from '../../src/server/service/api-key-service'
import { LOCK_FILE_NAME, lockDataDir } from '../../src/server/stores/data-dir-lock'
import { createEmbeddedStore } from '../../src/server/stores/embedded-store'
import { rejectionOf } from './helpers'

const FIXTURE = fileURLToPath(new URL('./fixtures/open-embedded.ts', import.meta.url))

interface Opener {
  child: ChildProcess
  /** `OPEN <pid>` or `REFUSED <message>`, the fixture's one line. */
  line: Promise<string>
  exited: Promise<number | null>
}

/** Runs the fixture on `dataDir` in another Node process. */
function openInAnotherProcess(dataDir: string): Opener {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir], { stdio: ['pipe', 'pipe', 'pipe'] })
  let err = ''
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const line = new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const newline = out.indexOf('\n')
      if (newline >= 0) resolve(out.slice(0, newline))
    })
    void exited.then((code) => reject(new Error(`The fixture exited with ${code} before it answered.\n${out}${err}`)))
  })
  return { child, line, exited }
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

describe('one process per embedded data directory', () => {
  let root: string
  const children: ChildProcess[] = []
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rak-lock-'))
  })
  afterAll(async () => {
    for (const child of children) await killHard(child)
    await rm(root, { recursive: true, force: true })
  })

  it('creates a data directory with missing parents, and refuses a second opener, here or in another process, until close', async () => {
    const dataDir = join(root, 'missing', 'parents', 'data')
    const first = await createEmbeddedStore({ dataDir })
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true)

    const inProcess = await rejectionOf(createEmbeddedStore({ dataDir }))
    expect(String(inProcess)).toContain(`is already open in this process (pid ${process.pid})`)
    expect(String(inProcess)).toContain('One process may open a data directory at a time')

    const other = openInAnotherProcess(dataDir)
    children.push(other.child)
    expect(await other.line).toMatch(new RegExp(`^REFUSED .*already open in process ${process.pid}\\b`))
    expect(await other.exited).toBe(3)

    await first.close()
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false)
  })

  it('refuses while another process holds the directory, and takes the lock over once that process died', async () => {
    const dataDir = join(root, 'other-process')
    const holder = openInAnotherProcess(dataDir)
    children.push(holder.child)
    const opened = await holder.line
    expect(opened).toBe(`OPEN ${holder.child.pid}`)

    const refused = await rejectionOf(createEmbeddedStore({ dataDir }))
    expect(String(refused)).toContain(`is already open in process ${holder.child.pid}`)
    expect(String(refused)).toContain(`its lock is stale: delete ${join(dataDir, LOCK_FILE_NAME)}`)

    // SIGKILL: no close, the lock file stays behind with a dead pid.
    await killHard(holder.child)
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(true)
    const store = await createEmbeddedStore({ dataDir })
    expect(JSON.parse(await readFile(join(dataDir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid })
    const created = await createApiKeyService({ store }).create({ subject: 'user_lock', name: 'after takeover' })
    expect(created.name).toBe('after takeover')
    await store.close()
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false)
  })

  it('takes over a lock naming this pid but left by an earlier process (a container restarted as pid 1)', async () => {
    const dataDir = join(root, 'earlier-life')
    await mkdir(dataDir)
    const lockFile = join(dataDir, LOCK_FILE_NAME)
    await writeFile(lockFile, JSON.stringify({ pid: process.pid, started: 0, token: 'earlier-life' }))
    const lock = await lockDataDir(dataDir)
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid })
    expect(String(await rejectionOf(lockDataDir(dataDir)))).toContain('is already open in this process')
    await lock.release()
    expect(existsSync(lockFile)).toBe(false)
  })
})
