/** What the demo's end-to-end tests do on its page: call the protected endpoint, save screenshots. */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright'

/**
 * Pastes `key` into the "Try a key" panel, calls the demo's protected endpoint and answers the
 * summary the panel shows ("200 OK: the key is valid. …").
 */
export async function tryKey(page: Page, key: string): Promise<string> {
  const panel = page.getByRole('region', { name: 'Try a key' })
  await panel.getByLabel('API key to test').fill(key)
  const [response] = await Promise.all([
    page.waitForResponse((answer) => new URL(answer.url()).pathname === '/api/demo/protected'),
    panel.getByRole('button', { name: 'Call protected endpoint' }).click(),
  ])
  const summary = panel.locator(`[role="status"][data-status="${response.status()}"] p`)
  await summary.waitFor()
  return (await summary.textContent()) ?? ''
}

/**
 * Saves a screenshot of the page's viewport (or of one element) as `demo-<name>.png` in the folder
 * `RAK_SHOTS_DIR` names, for a person to look at; without that variable it saves nothing.
 * Animations are finished first.
 */
export async function saveScreenshot(of: Page | Locator, name: string): Promise<void> {
  const folder = process.env.RAK_SHOTS_DIR
  if (!folder) return
  await mkdir(folder, { recursive: true })
  await of.screenshot({ path: join(folder, `demo-${name}.png`), animations: 'disabled' })
}
