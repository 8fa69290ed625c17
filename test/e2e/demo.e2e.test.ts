/**
 * The demo app end to end, in real Chromium (Debian's, driven by Playwright): create a key in the
 * UI, copy its secret from the reveal dialog, call the demo API's protected endpoint with it (200),
 * revoke it in the UI, call again (401 revoked), restart the server on the same data and find the
 * key still listed as revoked. Everything runs on 127.0.0.1.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs, chromiumPath } from '../browser/chromium'
import { tryKey } from './demo-page'
import { freePort, startDemo, stopDemo, type DemoServer } from './demo-server'

const KEY_NAME = 'E2E deploy key'
const WAIT_MS = 30_000

describe('the demo app in real Chromium', () => {
  let dataDir: string
  let port: number
  let server: DemoServer | undefined
  let browser: Browser | undefined
  let context: BrowserContext
  let page: Page
  let secret = ''

  const account = (): Locator => page.getByRole('region', { name: 'Account settings' })
  const keyRow = (): Locator => account().getByRole('row').filter({ hasText: KEY_NAME })

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rak-demo-e2e-'))
    port = await freePort()
    server = await startDemo(port, dataDir)
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
    context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
    page = await context.newPage()
    page.setDefaultTimeout(WAIT_MS)
    await page.goto(server.origin)
  }, 120_000)

  afterAll(async () => {
    await browser?.close().catch(() => undefined)
    if (server) await stopDemo(server.process)
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  }, 60_000)

  it('says what it is doing while it starts, before it is ready', () => {
    const output = server?.output() ?? ''
    const ready = output.indexOf('ready http://')
    for (const step of ['demo: loading', 'demo: building the app with Vite', 'demo: opening the embedded store']) {
      const at = output.indexOf(step)
      expect(at, `"${step}" is printed before "ready"`).toBeGreaterThanOrEqual(0)
      expect(at).toBeLessThan(ready)
    }
  })

  it('creates a key in the UI and copies its secret from the reveal dialog', async () => {
    // The toolbar's button (an empty list offers a second one).
    await account().getByRole('button', { name: 'Create API key' }).first().click()
    const create = page.getByRole('dialog', { name: 'Create API key' })
    await create.getByLabel('Name').fill(KEY_NAME)
    await create.getByRole('button', { name: 'Create key' }).click()

    const reveal = page.getByRole('alertdialog', { name: `Save your key “${KEY_NAME}”` })
    await reveal.getByRole('button', { name: 'Copy' }).click()
    await reveal.getByRole('status').getByText('Copied').waitFor()
    secret = await page.evaluate(() => navigator.clipboard.readText())
    expect(secret).toMatch(/^sk_[0-9A-Za-z]{28}$/)
    expect(await reveal.getByLabel('API key', { exact: true }).inputValue()).toBe(secret)

    await reveal.getByLabel('I have saved this key').check()
    await reveal.getByRole('button', { name: 'Done' }).click()
    await reveal.waitFor({ state: 'hidden' })
    await keyRow().getByText('Active').waitFor()
    expect(await keyRow().textContent()).toContain(secret.slice(-4))
  })

  it('calls the protected endpoint with the copied key: 200', async () => {
    expect(await tryKey(page, secret)).toBe('200 OK: the key is valid. It acts for user_demo.')
  })

  it('revokes the key in the UI, and the endpoint then answers 401 revoked', async () => {
    await account()
      .getByRole('button', { name: `Revoke ${KEY_NAME}` })
      .click()
    const confirm = page.getByRole('alertdialog', { name: `Revoke “${KEY_NAME}”?` })
    await confirm.getByRole('button', { name: 'Revoke key' }).click()
    await confirm.waitFor({ state: 'hidden' })
    await keyRow().getByText('Revoked', { exact: true }).waitFor()
    expect(await tryKey(page, secret)).toBe('401 Unauthorized: the key is revoked.')
  })

  it('still lists the key as revoked after the server restarts on the same data', async () => {
    if (!server) throw new Error('The demo is not running.')
    await stopDemo(server.process)
    server = await startDemo(port, dataDir)
    await page.reload()
    await keyRow().getByText('Revoked', { exact: true }).waitFor()
    expect(
      await account()
        .getByRole('button', { name: `Revoke ${KEY_NAME}` })
        .count(),
    ).toBe(0)
    expect(await tryKey(page, secret)).toBe('401 Unauthorized: the key is revoked.')
  })
})
