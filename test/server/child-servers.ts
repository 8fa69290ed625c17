import { spawn, type ChildProcess } from 'node:child_process'

/** A server fixture running in a Node process of its own, and where it listens. */
export interface ChildServer {
  process: ChildProcess
  /** `http://127.0.0.1:<port>`. */
  base: string
}

/**
 * Runs `node --import tsx <fixture> ...args` and resolves once it prints `PORT <n>`, or rejects with
 * its stderr if it exits first. It sets no time limit of its own: the test's time-out bounds the wait,
 * so a slow machine only makes it wait longer.
 */
export function startChildServer(fixture: string, args: readonly string[]): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /PORT (\d+)/.exec(out)
      if (match) resolve({ process: child, base: `http://127.0.0.1:${match[1]}` })
    })
    child.once('exit', (code) => reject(new Error(`${fixture} exited with ${code} before it listened.\n${err}`)))
  })
}

/** Ends a child process with `signal` and resolves once it has exited (at once if it already has). */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}
