/** Starts and stops the demo server (`test/demo/serve.ts`) as a child process, on loopback. */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const SERVE = fileURLToPath(new URL('../demo/serve.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface DemoServer {
  process: ChildProcess
  origin: string
  /** Everything the child wrote, for failure messages. */
  output(): string
}

/** A loopback port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Spawns the demo on `port` with its data in `dataDir`, and resolves once it prints `ready`. */
export function startDemo(port: number, dataDir: string, timeoutMs = 90_000): Promise<DemoServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DEMO_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`The demo did not start within ${timeoutMs} ms.\n${out}`))
    }, timeoutMs)
    const onData = (): void => {
      const match = /ready (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (!match?.[1]) return
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
      resolve({ process: child, origin: match[1], output: () => out })
    }
    const onExit = (code: number | null): void => {
      clearTimeout(timer)
      reject(new Error(`The demo exited with ${code} before it was ready.\n${out}`))
    }
    child.stdout?.on('data', onData)
    child.once('exit', onExit)
  })
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves once it has exited. */
export function stopDemo(child: ChildProcess, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
