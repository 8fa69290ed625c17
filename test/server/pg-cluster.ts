import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const SCRIPT = fileURLToPath(new URL('../../.ci/start-postgres.sh', import.meta.url))

/** The `bin` directory of the newest Debian PostgreSQL install (as `.ci/start-postgres.sh` picks it), or null. */
export function postgresBin(): string | null {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'pg_ctl')) ? process.env.PG_BIN : null
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b))
  const newest = versions.at(-1)
  return newest === undefined ? null : join(root, newest, 'bin')
}

/** A throwaway PostgreSQL of this test's own, which it may stop and start (never the shared one). */
export interface OwnCluster {
  url: string
  /** Fast shutdown (`pg_ctl stop -m fast`): sessions are ended with 57P01, then connections are refused. */
  stop(): Promise<void>
  /** Starts it again on the same data directory and port; resolves once it accepts connections. */
  start(): Promise<void>
  /** Stops it and removes its files. */
  destroy(): Promise<void>
}

/** Starts a fresh cluster with `.ci/start-postgres.sh` on a free loopback port. */
export async function startOwnCluster(bin: string): Promise<OwnCluster> {
  const { stdout } = await run('bash', [SCRIPT], { env: { ...process.env, PG_BIN: bin } })
  const url = /RAK_TEST_PG_URL=(\S+)/.exec(stdout)?.[1]
  const data = /RAK_TEST_PG_DATA=(\S+)/.exec(stdout)?.[1]
  if (url === undefined || data === undefined) throw new Error(`start-postgres.sh printed no cluster:\n${stdout}`)
  const root = dirname(data)
  const port = new URL(url).port
  // As root, PostgreSQL runs as the `postgres` user, as the script starts it.
  const asOwner = (args: string[]): Promise<unknown> =>
    process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', ...args]) : run(args[0] ?? '', args.slice(1))
  const pgCtl = join(bin, 'pg_ctl')
  return {
    url,
    stop: async () => {
      await asOwner([pgCtl, '-D', data, '-m', 'fast', '-w', 'stop'])
    },
    start: async () => {
      // The same settings the script starts it with.
      const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c max_connections=50`
      await asOwner([pgCtl, '-D', data, '-l', join(root, 'server.log'), '-w', '-t', '60', '-o', settings, 'start'])
    },
    destroy: async () => {
      await run('bash', [SCRIPT, 'stop'], { env: { ...process.env, PG_BIN: bin, RAK_TEST_PG_DATA: data } })
    },
  }
}
