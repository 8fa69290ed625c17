/**
 * The Next.js example (examples/nextjs) as CI runs it: pack this repository as npm would publish it,
 * unpack the tarball into the example's node_modules (next, react and the rest resolve from the
 * repository root's), `next build`, `next start` on a free loopback port, and drive it in Debian's
 * Chromium: sign in, the manager renders from a server component, create a key, the reveal dialog
 * shows its secret once, revoke it, the German page through a client wrapper, and not one console
 * error, warning or page error (React reports hydration mismatches there).
 *
 *   npm run test:nextjs [-- react-api-keys-x.y.z.tgz]
 *
 * Given a tarball (CI packs once for every package check), it installs that one instead of packing;
 * `-- --origin http://127.0.0.1:3000` only drives an example already running on fresh data.
 */
import assert from 'node:assert/strict'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright'
import { chromiumArgs, chromiumPath } from '../browser/chromium'
import { freePort } from './demo-server'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const EXAMPLE = join(ROOT, 'examples/nextjs')
const NEXT_BIN = createRequire(join(EXAMPLE, 'package.json')).resolve('next/dist/bin/next')
const KEY_NAME = 'Next.js deploy key'
/** How long one UI condition may take before the run fails (2 slow, shared cores). */
const WAIT_MS = 60_000
/** How long `next start` may take to say it is ready, and the store to open. */
const START_MS = 90_000

const say = (line: string): void => void process.stdout.write(`nextjs: ${line}\n`)
const started = Date.now()
const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`

/** A tarball of this repository as npm publishes it: `npm pack`, which builds first (`prepack`). */
function packKit(destination: string): string {
  execFileSync('npm', ['pack', '--pack-destination', destination], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const [tarball] = readdirSync(destination).filter((name) => name.endsWith('.tgz'))
  if (!tarball) throw new Error('npm pack wrote no tarball.')
  return join(destination, tarball)
}

/** Unpacks the kit's tarball as the example's `react-api-keys` dependency, as npm would install it. */
function installKit(tarball: string): void {
  const target = join(EXAMPLE, 'node_modules/react-api-keys')
  rmSync(target, { recursive: true, force: true })
  mkdirSync(target, { recursive: true })
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'])
}

const nextEnv = (dataDir: string): NodeJS.ProcessEnv => ({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  API_KEYS_DATA_DIR: dataDir,
})

/** Starts `next start` in its own process group; resolves with its origin once it says Ready. */
function startNext(
  port: number,
  dataDir: string,
): Promise<{ child: ChildProcess; origin: string; output: () => string }> {
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: EXAMPLE,
    env: nextEnv(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let out = ''
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`next start was not ready within ${START_MS} ms.\n${out}`)),
      START_MS,
    )
    const onData = (): void => {
      if (!/Ready in/.test(out)) return
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
      resolve({ child, origin: `http://127.0.0.1:${port}`, output: () => out })
    }
    const onExit = (code: number | null): void => {
      clearTimeout(timer)
      reject(new Error(`next start exited with ${code} before it was ready.\n${out}`))
    }
    child.stdout?.on('data', onData)
    child.once('exit', onExit)
  })
}

/** Ends the server's process group and resolves once the server has exited. */
function stopNext(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve()
    child.once('exit', () => resolve())
    process.kill(-child.pid, 'SIGTERM')
  })
}

/** Every console error or warning and every uncaught page error, as lines. */
function collectProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console.${message.type()}: ${message.text()} (${message.location().url})`)
    }
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  return problems
}

async function driveInChromium(origin: string): Promise<void> {
  let browser: Browser | undefined
  let problems: string[] = []
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
    const page = await browser.newPage()
    page.setDefaultTimeout(WAIT_MS)
    problems = collectProblems(page)

    const first = await page.goto(origin)
    assert.equal(first?.status(), 200, 'the signed-out page answers 200')
    await page.getByRole('button', { name: 'Sign in as the demo user' }).click()

    // The manager, rendered by a server component, hydrated, and listing through the route handler.
    await page.getByText('No API keys yet').waitFor()
    say('the manager renders from a server component and lists through the route handler')

    // next build runs the stylesheet through lightningcss, which once left the kit without colours.
    const createButton = page.getByRole('button', { name: 'Create API key' }).first()
    const fill = await createButton.evaluate((button) => getComputedStyle(button).backgroundColor)
    assert.equal(fill, 'rgb(79, 70, 229)', 'the Create button has the kit’s accent colour after next build')
    say('the stylesheet keeps its colours through next build')

    await createButton.click()
    const create = page.getByRole('dialog', { name: 'Create API key' })
    await create.getByLabel('Name').fill(KEY_NAME)
    await create.getByRole('button', { name: 'Create key' }).click()
    const reveal = page.getByRole('alertdialog', { name: `Save your key “${KEY_NAME}”` })
    const secret = await reveal.getByLabel('API key', { exact: true }).inputValue()
    assert.match(secret, /^sk_[0-9A-Za-z]{28}$/, 'the reveal dialog shows the new secret')
    await reveal.getByLabel('I have saved this key').check()
    await reveal.getByRole('button', { name: 'Done' }).click()
    await reveal.waitFor({ state: 'hidden' })
    const row = page.getByRole('row').filter({ hasText: KEY_NAME })
    await row.getByText('Active').waitFor()
    assert.ok((await row.textContent())?.includes(secret.slice(-4)), 'the row shows the last four characters')
    assert.ok(!(await page.content()).includes(secret), 'the secret is gone from the page once the dialog closes')
    say('created a key; the reveal dialog showed its secret once')

    await page.getByRole('button', { name: `Revoke ${KEY_NAME}` }).click()
    const confirm = page.getByRole('alertdialog', { name: `Revoke “${KEY_NAME}”?` })
    await confirm.getByRole('button', { name: 'Revoke key' }).click()
    await confirm.waitFor({ state: 'hidden' })
    await row.getByText('Revoked', { exact: true }).waitFor()

    // A fresh server render: the store kept the revocation, and the secret is in no answer.
    await page.reload()
    await row.getByText('Revoked', { exact: true }).waitFor()
    assert.ok(!(await page.content()).includes(secret), 'the secret is in no later page')
    say('revoked the key; it stays revoked after a reload')

    // The client wrapper: German strings (functions) passed inside a 'use client' file.
    await page.getByRole('link', { name: 'Deutsch' }).click()
    const germanRow = page.getByRole('table', { name: 'API-Schlüssel' }).getByRole('row').filter({ hasText: KEY_NAME })
    await germanRow.getByText('Gesperrt', { exact: true }).waitFor()
    say('the German page renders through a client wrapper')

    assert.deepEqual(problems, [], 'no console errors or warnings, no page errors, no hydration warnings')
  } catch (error) {
    if (problems.length > 0) process.stderr.write(`What the page reported:\n${problems.join('\n')}\n`)
    throw error
  } finally {
    await browser?.close()
  }
}

/** The value after `flag` on the command line, if given. */
function option(flag: string): string | undefined {
  const index = process.argv.indexOf(flag)
  return index === -1 ? undefined : process.argv[index + 1]
}

async function main(): Promise<void> {
  const running = option('--origin')
  if (running) return driveInChromium(running)
  const given = process.argv.slice(2).find((arg) => arg.endsWith('.tgz'))
  const phase = Date.now()
  const work = mkdtempSync(join(tmpdir(), 'rak-nextjs-'))
  try {
    installKit(given ? resolve(given) : packKit(work))
    say(`${given ? 'installed' : 'packed and installed'} the kit (${seconds(phase)})`)
    const dataDir = join(work, 'data')
    mkdirSync(dataDir)
    await buildAndDrive(dataDir)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  say(`1 passed, 0 failed (${seconds(started)} in all)`)
}

/** `next build`, then `next start` with its store in `dataDir`, driven in Chromium. */
async function buildAndDrive(dataDir: string): Promise<void> {
  let phase = Date.now()
  execFileSync(process.execPath, [NEXT_BIN, 'build'], { cwd: EXAMPLE, env: nextEnv(dataDir), stdio: 'inherit' })
  say(`next build (${seconds(phase)})`)

  phase = Date.now()
  const server = await startNext(await freePort(), dataDir)
  try {
    // Opens the embedded store (a first start creates the database) and shows the API wants a session.
    const signedOut = await fetch(`${server.origin}/api/api-keys`, { signal: AbortSignal.timeout(START_MS) })
    assert.equal(signedOut.status, 401, 'the route handler answers 401 without a session')
    say(`next start; the route handler answers 401 without a session (${seconds(phase)})`)
    await driveInChromium(server.origin)
  } catch (error) {
    process.stderr.write(`next start output:\n${server.output()}\n`)
    throw error
  } finally {
    await stopNext(server.child)
  }
  say(`next start and Chromium (${seconds(phase)})`)
}

await main()
