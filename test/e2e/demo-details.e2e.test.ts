/**
 * The demo app end to end through a key's details, in real Chromium on the server companion: open a
 * key's details from its row, rename it in place, copy its id, roll it from the details, read the old
 * row as rolling over and replaced by the new key, follow the links between the two keys' details,
 * revoke the old key now with a reason, and read when, by whom and why in its row and details.
 *
 * The server records who revoked a key (the signed-in caller: in the demo always `user_demo`, the
 * Provider's user), so the details say "Revoked by You".
 *
 * With RAK_SHOTS_DIR set (e.g. RAK_SHOTS_DIR=/tmp/shots) it also saves screenshots there: the
 * account settings after the roll, and the revoked key's details on a desktop and on a phone.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs, chromiumPath } from '../browser/chromium'
import { saveScreenshot, tryKey } from './demo-page'
import { freePort, startDemo, stopDemo, type DemoServer } from './demo-server'

const FIRST_NAME = 'E2E details key'
const NEW_NAME = 'E2E payments key'
const REASON = 'Rotated after the E2E roll'
const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 375, height: 800 }
const DAY_MS = 24 * 60 * 60 * 1000
const WAIT_MS = 30_000

const VALID = '200 OK: the key is valid. It acts for user_demo.'
const REVOKED = '401 Unauthorized: the key is revoked.'

/** One of a key's secrets as the reveal dialog showed it, with what the table shows of it. */
interface Secret {
  secret: string
  lastFour: string
  masked: string
}

const secretOf = (secret: string): Secret => ({ secret, lastFour: secret.slice(-4), masked: `sk_…${secret.slice(-4)}` })

/** A regular expression that matches exactly `text`. */
const exactly = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)

describe('a key’s details, rename, roll and revoke in the demo app', () => {
  let dataDir: string
  let server: DemoServer | undefined
  let browser: Browser | undefined
  let page: Page
  let original: Secret
  let replacement: Secret
  let keyId = ''
  let revokeSentAt = 0
  let revokeAnsweredAt = 0

  const account = (): Locator => page.getByRole('region', { name: 'Account settings' })
  /** The details sheet, named after the key it shows. */
  const sheet = (name: string): Locator => page.getByRole('dialog', { name, exact: true })
  /** What the details say for `term`: the definition after that term. */
  const fact = (details: Locator, term: string): Locator =>
    details
      .getByRole('term')
      .filter({ hasText: exactly(term) })
      .locator('xpath=following-sibling::dd[1]')
  /** The row of the key whose secret ends in `lastFour`, found by its unique Details action. */
  const rowOf = (name: string, lastFour: string): Locator =>
    account()
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: `Details of ${name} (…${lastFour})`, exact: true }) })

  /** Waits until `locator` reads exactly `text`; if it never does, fails showing what it reads. */
  async function expectText(locator: Locator, text: string): Promise<void> {
    await locator
      .filter({ hasText: exactly(text) })
      .waitFor()
      .catch(() => undefined)
    expect(await locator.textContent()).toBe(text)
  }

  /** Ticks "I have saved this key" in the reveal dialog for `name`, closes it, and answers the secret shown. */
  async function saveRevealedKey(name: string): Promise<Secret> {
    const reveal = page.getByRole('alertdialog', { name: `Save your key “${name}”` })
    const secret = await reveal.getByLabel('API key', { exact: true }).inputValue()
    expect(secret).toMatch(/^sk_[0-9A-Za-z]{28}$/)
    await reveal.getByLabel('I have saved this key').check()
    await reveal.getByRole('button', { name: 'Done' }).click()
    await reveal.waitFor({ state: 'hidden' })
    return secretOf(secret)
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rak-demo-details-e2e-'))
    server = await startDemo(await freePort(), dataDir)
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
    const context = await browser.newContext({
      viewport: DESKTOP,
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    page = await context.newPage()
    page.setDefaultTimeout(WAIT_MS)
    await page.goto(server.origin)
  }, 150_000)

  afterAll(async () => {
    await browser?.close().catch(() => undefined)
    if (server) await stopDemo(server.process)
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  }, 60_000)

  it('opens a new key’s details from its name in the row: masked key, status, creator, and the id with Copy', async () => {
    await account().getByRole('button', { name: 'Create API key' }).first().click()
    const create = page.getByRole('dialog', { name: 'Create API key' })
    await create.getByLabel('Name').fill(FIRST_NAME)
    await create.getByRole('button', { name: 'Create key' }).click()
    original = await saveRevealedKey(FIRST_NAME)

    await rowOf(FIRST_NAME, original.lastFour)
      .getByRole('rowheader')
      .getByRole('button', { name: `${FIRST_NAME} (…${original.lastFour})`, exact: true })
      .click()
    const details = sheet(FIRST_NAME)
    await details.getByText('Everything about this key except its secret.').waitFor()
    await expectText(fact(details, 'Key'), original.masked)
    await expectText(fact(details, 'Status'), 'Active')
    // The server records the caller as the creator, and the demo's Provider names that user "You".
    await expectText(fact(details, 'Created by'), 'You')
    await fact(details, 'Description').getByText('No description', { exact: true }).waitFor()

    keyId = (await fact(details, 'Key ID').locator('code').textContent()) ?? ''
    expect(keyId).toMatch(/^ak_[0-9A-Za-z]{22}$/)
    await details.getByRole('button', { name: 'Copy key ID' }).click()
    await details
      .getByRole('status')
      .filter({ hasText: exactly('Key ID copied') })
      .waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(keyId)
  })

  it('renames the key in place, and the table shows the new name', async () => {
    const details = sheet(FIRST_NAME)
    await details.getByRole('button', { name: 'Edit name' }).click()
    const field = details.getByRole('textbox', { name: 'Name', exact: true })
    await field.fill(NEW_NAME)
    await field.press('Enter')

    const renamed = sheet(NEW_NAME)
    await renamed
      .getByRole('status')
      .filter({ hasText: exactly(`Key “${NEW_NAME}” updated.`) })
      .waitFor()
    await renamed.getByRole('button', { name: 'Edit name' }).waitFor()
    expect(await renamed.getByRole('textbox').count()).toBe(0)
    // Its id did not change: a rename is the same key.
    await expectText(fact(renamed, 'Key ID').locator('code'), keyId)

    await renamed.getByRole('button', { name: 'Close', exact: true }).click()
    await renamed.waitFor({ state: 'hidden' })
    await account().getByRole('rowheader', { name: NEW_NAME, exact: true }).waitFor()
    expect(await account().getByRole('rowheader', { name: FIRST_NAME, exact: true }).count()).toBe(0)
  })

  it('rolls the key from its details, saying before it when the old secret stops, and reveals the new key once', async () => {
    await account()
      .getByRole('button', { name: `Details of ${NEW_NAME} (…${original.lastFour})`, exact: true })
      .click()
    await sheet(NEW_NAME).getByRole('button', { name: 'Roll', exact: true }).click()

    const roll = page.getByRole('alertdialog', { name: `Roll “${NEW_NAME}”?` })
    await roll.getByText(original.masked, { exact: true }).waitFor()
    await roll.getByText('Never used.', { exact: true }).waitFor()
    expect(await roll.getByRole('radio', { name: '24 hours' }).isChecked()).toBe(true)
    const stops = roll.getByText(/^The old secret stops working on .+\.$/)
    const promised = /^The old secret stops working on (.+)\.$/.exec((await stops.textContent()) ?? '')?.[1] ?? ''
    const promisedAt = Date.now()
    // Created for 30 days (the create dialog's default), so the new key gets 30 days again.
    await roll.getByText(/^The new key expires on .+\.$/).waitFor()

    const sentAt = Date.now()
    await Promise.all([
      page.waitForResponse((answer) => new URL(answer.url()).pathname.endsWith(`/api-keys/${keyId}/roll`)),
      roll.getByRole('button', { name: 'Roll key' }).click(),
    ])
    const answeredAt = Date.now()
    replacement = await saveRevealedKey(NEW_NAME)
    expect(replacement.secret).not.toBe(original.secret)

    // The old row says when it stops: 24 hours after the roll, the time the dialog promised.
    const rolling = rowOf(NEW_NAME, original.lastFour).getByText(
      new RegExp(`^Rolling over: stops .+ → replaced by ${replacement.masked}$`),
    )
    await rolling.waitFor()
    const stopsAt = Date.parse((await rolling.getAttribute('datetime')) ?? '')
    expect(stopsAt).toBeGreaterThanOrEqual(sentAt + DAY_MS)
    expect(stopsAt).toBeLessThanOrEqual(answeredAt + DAY_MS)
    // To the minute, unless a minute began between the dialog's last tick (it ticks every second)
    // and the server's answer: then the row rightly reads a minute later than the dialog did.
    const minute = (ms: number): number => Math.floor(ms / 60_000)
    if (minute(stopsAt) === minute(promisedAt - 5_000 + DAY_MS)) {
      expect(await rolling.textContent()).toBe(`Rolling over: stops ${promised} → replaced by ${replacement.masked}`)
    }
  })

  it('shows the old row as rolling over: Revoke now but no Roll, while both secrets still work', async () => {
    const oldRow = rowOf(NEW_NAME, original.lastFour)
    const newRow = rowOf(NEW_NAME, replacement.lastFour)
    await oldRow.getByRole('button', { name: `Revoke now: ${NEW_NAME} (…${original.lastFour})`, exact: true }).waitFor()
    expect(await oldRow.getByRole('button', { name: `Roll ${NEW_NAME} (…${original.lastFour})` }).count()).toBe(0)
    await newRow.getByRole('button', { name: `Roll ${NEW_NAME} (…${replacement.lastFour})`, exact: true }).waitFor()
    await newRow.getByRole('button', { name: `Revoke ${NEW_NAME} (…${replacement.lastFour})`, exact: true }).waitFor()
    await newRow.getByText('Active', { exact: true }).waitFor()
    await saveScreenshot(account(), 'table-after-roll')

    expect(await tryKey(page, original.secret)).toBe(VALID)
    expect(await tryKey(page, replacement.secret)).toBe(VALID)
  })

  it('links the two keys’ details both ways', async () => {
    await rowOf(NEW_NAME, original.lastFour).getByRole('rowheader').getByRole('button').click()
    const details = sheet(NEW_NAME)
    await expectText(fact(details, 'Key'), original.masked)
    expect(await details.getByRole('button', { name: 'Roll', exact: true }).count()).toBe(0)
    // Still in its grace period: the sheet offers to revoke it now, as its row does.
    await details.getByRole('button', { name: 'Revoke now', exact: true }).waitFor()

    await fact(details, 'Replaced by')
      .getByRole('button', { name: `Show details of ${replacement.masked}`, exact: true })
      .click()
    await expectText(fact(details, 'Key'), replacement.masked)
    await details.getByRole('button', { name: 'Roll', exact: true }).waitFor()
    expect(await fact(details, 'Replaced by').count()).toBe(0)

    await fact(details, 'Replaces')
      .getByRole('button', { name: `Show details of ${original.masked}`, exact: true })
      .click()
    await expectText(fact(details, 'Key'), original.masked)
    await fact(details, 'Replaced by').waitFor()

    await details.getByRole('button', { name: 'Close', exact: true }).click()
    await details.waitFor({ state: 'hidden' })
  })

  it('revokes the old key now with a reason: its row says when and why, and its secret is refused', async () => {
    const oldRow = rowOf(NEW_NAME, original.lastFour)
    await oldRow.getByRole('button', { name: `Revoke now: ${NEW_NAME} (…${original.lastFour})`, exact: true }).click()
    const confirm = page.getByRole('alertdialog', { name: `Revoke “${NEW_NAME}”?` })
    await confirm.getByText(original.masked, { exact: true }).waitFor()
    await confirm.getByLabel('Reason').fill(REASON)
    revokeSentAt = Date.now()
    await confirm.getByRole('button', { name: 'Revoke key' }).click()
    await confirm.waitFor({ state: 'hidden' })
    revokeAnsweredAt = Date.now()

    await oldRow.getByText('Revoked', { exact: true }).waitFor()
    // Where its expiry stood (a revoked key's expiry means nothing): when it was revoked.
    await oldRow.getByText(/^Revoked (now|\d+ minutes? ago)$/).waitFor()
    expect(await oldRow.getByText(/^Rolling over/).count()).toBe(0)
    await oldRow.getByText(`Reason: ${REASON}`, { exact: true }).waitFor()
    expect(await oldRow.getByRole('button', { name: /^Revoke/ }).count()).toBe(0)
    await rowOf(NEW_NAME, replacement.lastFour).getByText('Active', { exact: true }).waitFor()

    expect(await tryKey(page, original.secret)).toBe(REVOKED)
    expect(await tryKey(page, replacement.secret)).toBe(VALID)
  })

  it('shows in the old key’s details when it was revoked, by whom and why, on a desktop and on a phone', async () => {
    await account()
      .getByRole('button', { name: `Details of ${NEW_NAME} (…${original.lastFour})`, exact: true })
      .click()
    const details = sheet(NEW_NAME)
    await expectText(fact(details, 'Key'), original.masked)
    await expectText(fact(details, 'Status'), 'Revoked')
    const revokedAt = Date.parse((await fact(details, 'Revoked').locator('time').getAttribute('datetime')) ?? '')
    expect(revokedAt).toBeGreaterThanOrEqual(revokeSentAt)
    expect(revokedAt).toBeLessThanOrEqual(revokeAnsweredAt)
    // The server records the signed-in caller as the revoker: the demo's one user, "You" on its page.
    await expectText(fact(details, 'Revoked by'), 'You')
    await expectText(fact(details, 'Reason'), REASON)
    expect(await fact(details, 'Expires').count()).toBe(0)
    await fact(details, 'Replaced by')
      .getByRole('button', { name: `Show details of ${replacement.masked}` })
      .waitFor()
    for (const action of ['Roll', 'Revoke']) {
      expect(await details.getByRole('button', { name: action, exact: true }).count()).toBe(0)
    }
    await saveScreenshot(page, 'details-desktop')

    // A side sheet on a desktop, the whole screen on a phone.
    const box = await details.boundingBox()
    expect(box && Math.round(box.x + box.width)).toBe(DESKTOP.width)
    expect(box && Math.round(box.height)).toBe(DESKTOP.height)
    await page.setViewportSize(PHONE)
    await page.waitForFunction((width) => document.querySelector('[role="dialog"]')?.clientWidth === width, PHONE.width)
    const phoneBox = await details.boundingBox()
    expect(phoneBox && [phoneBox.x, phoneBox.y, phoneBox.width, phoneBox.height].map(Math.round)).toEqual([
      0,
      0,
      PHONE.width,
      PHONE.height,
    ])
    await expectText(fact(details, 'Revoked by'), 'You')
    await saveScreenshot(page, 'details-phone')
    // The reason is the last fact: scrolled to, it shows above the sheet's actions, not under them.
    const reason = fact(details, 'Reason')
    await reason.scrollIntoViewIfNeeded()
    const drawnOnTop = await reason.evaluate((dd) => {
      const { x, y, width, height } = dd.getBoundingClientRect()
      return dd.contains(document.elementFromPoint(x + width / 2, y + height / 2))
    })
    expect(drawnOnTop).toBe(true)
    await saveScreenshot(page, 'details-phone-revocation')
    await page.setViewportSize(DESKTOP)
  })
})
