/**
 * One process per embedded data directory. PGlite has no lock of its own: two processes on one
 * directory each believe they own it and overwrite each other's writes. The store holds a lock
 * file in the directory that names its owner (pid, process start, a random token); a second
 * opener is refused while that owner lives, and the lock of a process that died is taken over.
 * Loaded only when a store opens a directory, so runtimes without `node:fs` never import it.
 */
import { randomUUID } from 'node:crypto'
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

/** The lock file's name inside the data directory. */
export const LOCK_FILE_NAME = 'react-api-keys.lock'

/** A held lock; `release` removes the file if it is still this lock's. */
export interface DataDirLock {
  release(): Promise<void>
}

interface Owner {
  pid: number
  /** When the owner process started, in ms since the epoch (tells a reused pid from its owner). */
  started: number
  token: string
}

/** Two readings of this process's start time differ by the clock's drift only. */
const SAME_PROCESS_TOLERANCE_MS = 2_000
const MAX_ATTEMPTS = 5
const HELD = Symbol.for('react-api-keys.held-data-dir-locks')

/** Tokens of the locks this process holds, shared by every copy of the kit loaded in it. */
function heldTokens(): Set<string> {
  const shared = globalThis as typeof globalThis & { [HELD]?: Set<string> }
  return (shared[HELD] ??= new Set<string>())
}

function processStart(): number {
  return Math.round(Date.now() - process.uptime() * 1000)
}

function errnoOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' ? code : undefined
}

function parseOwner(text: string): Owner | null {
  try {
    const value = JSON.parse(text) as Partial<Owner>
    const { pid, started, token } = value
    if (
      typeof pid !== 'number' ||
      !Number.isInteger(pid) ||
      pid <= 0 ||
      typeof started !== 'number' ||
      typeof token !== 'string'
    )
      return null
    return { pid, started, token }
  } catch {
    return null
  }
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null
    throw error
  }
}

/** Whether the owner of a lock is a live process: this one (any copy of the kit in it) or another. */
function isAlive(owner: Owner): boolean {
  if (heldTokens().has(owner.token)) return true
  if (owner.pid === process.pid) return Math.abs(owner.started - processStart()) < SAME_PROCESS_TOLERANCE_MS
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return errnoOf(error) === 'EPERM'
  }
}

/** Creates the lock file with its whole content at once (a hard link of a finished file), or false if one exists. */
async function createExclusively(path: string, content: string, token: string): Promise<boolean> {
  const draft = `${path}.${token}.tmp`
  await writeFile(draft, content, { flag: 'wx' })
  try {
    await link(draft, path)
    return true
  } catch (error) {
    const code = errnoOf(error)
    if (code === 'EEXIST') return false
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error
    // A file system without hard links: an exclusive create, whose content lands a moment later.
    try {
      await writeFile(path, content, { flag: 'wx' })
      return true
    } catch (fallbackError) {
      if (errnoOf(fallbackError) === 'EEXIST') return false
      throw fallbackError
    }
  } finally {
    await unlink(draft).catch(() => undefined)
  }
}

/**
 * Removes the stale lock whose content was `seen`, but only that one: it is moved aside first,
 * and if what was moved is a fresh lock another opener took in the meantime, it is put back.
 */
async function removeStale(path: string, seen: string, token: string): Promise<void> {
  const aside = `${path}.${token}.stale`
  try {
    await rename(path, aside)
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return
    throw error
  }
  const moved = await readText(aside)
  if (moved !== seen) await link(aside, path).catch(() => undefined)
  await unlink(aside).catch(() => undefined)
}

function inUseError(dir: string, lockFile: string, owner: Owner): Error {
  const ours = owner.pid === process.pid
  const who = ours ? `this process (pid ${owner.pid})` : `process ${owner.pid}`
  // A pid the system gave to an unrelated process after the owner died looks alive: say what to do then.
  const stale = ours ? '' : ` If process ${owner.pid} is not a server of yours, its lock is stale: delete ${lockFile}.`
  return new Error(
    `The embedded store's data directory ${dir} is already open in ${who}. One process may open a data ` +
      `directory at a time: close the other store first, or use createPostgresStore to share keys between processes.${stale}`,
  )
}

/**
 * Creates `dir` (and missing parents) and takes its lock, or throws if a live process holds it.
 * A lock left by a process that died is taken over.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const absolute = resolve(dir)
  await mkdir(absolute, { recursive: true })
  const path = join(absolute, LOCK_FILE_NAME)
  const token = randomUUID()
  const content = `${JSON.stringify({ pid: process.pid, started: processStart(), token } satisfies Owner)}\n`
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (await createExclusively(path, content, token)) {
      heldTokens().add(token)
      return {
        async release() {
          heldTokens().delete(token)
          if ((await readText(path)) === content) await unlink(path).catch(() => undefined)
        },
      }
    }
    const seen = await readText(path)
    if (seen === null) continue
    const owner = parseOwner(seen)
    if (owner !== null && isAlive(owner)) throw inUseError(absolute, path, owner)
    await removeStale(path, seen, token)
  }
  throw new Error(
    `Could not take the lock file ${path}: other processes keep replacing it. Is the directory shared by several processes?`,
  )
}
