import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { APIKeysManager } from '../../src/index'
import { DAY, USER, setupKit } from '../helpers/kit'
import { cellOf, findOpenedDialog, rowNamed } from './helpers'

const MINUTE = 60 * 1000

/** Three keys that a revoke or roll would hurt differently: used minutes ago, months ago, never. */
function setup() {
  const now = Date.now()
  const kit = setupKit({
    seed: [
      { name: 'Busy', subject: USER, createdAt: new Date(now - 40 * DAY), lastUsedAt: new Date(now - 5 * MINUTE) },
      { name: 'Idle', subject: USER, createdAt: new Date(now - 200 * DAY), lastUsedAt: new Date(now - 100 * DAY) },
      { name: 'Fresh', subject: USER, createdAt: new Date(now - 2 * DAY), lastUsedAt: null },
    ],
  })
  render(<APIKeysManager />, { wrapper: kit.wrapper })
  return { user: userEvent.setup({ delay: null }) }
}

/** The key and created date a confirmation names, and its line about the key's last use. */
function summaryOf(dialog: HTMLElement) {
  const facts = within(dialog)
  return {
    key: facts.getByText(/^sk_…/, { selector: '.rak-masked-key' }).textContent,
    created: facts.getByText((_, element) => element?.tagName === 'TIME').getAttribute('datetime'),
    lastUse: dialog.querySelector('.rak-key-summary p'),
  }
}

describe('revoke and roll confirmations show the consequence', () => {
  it('names the key by its masked key and creation, and warns when something used it recently', async () => {
    const { user } = setup()
    await user.click(await screen.findByRole('button', { name: /^Revoke Busy\b/ }))
    const dialog = await findOpenedDialog('alertdialog', 'Revoke “Busy”?')
    const summary = summaryOf(dialog)
    // The same key the row shows: a roll leaves two keys of one name, the last four tell them apart.
    expect(summary.key).toBe(cellOf(rowNamed('Busy'), 'Key').textContent)
    expect(summary.created).toBe(rowNamed('Busy').querySelector('time')?.getAttribute('datetime'))
    expect(summary.lastUse?.textContent).toBe('Last used 5 minutes ago: something still uses this key.')
    expect(summary.lastUse?.className).toContain('rak-callout--warning')
  })

  it('says when a key idle for months was last used, without the warning, and when a key was never used', async () => {
    const { user } = setup()
    await user.click(await screen.findByRole('button', { name: /^Roll Idle\b/ }))
    const roll = await findOpenedDialog('alertdialog', 'Roll “Idle”?')
    expect(summaryOf(roll).lastUse?.textContent).toBe('Last used 3 months ago.')
    expect(summaryOf(roll).lastUse?.className).not.toContain('rak-callout--warning')
    await user.click(within(roll).getByRole('button', { name: 'Cancel' }))

    await user.click(await screen.findByRole('button', { name: /^Revoke Fresh\b/ }))
    const revoke = await findOpenedDialog('alertdialog', 'Revoke “Fresh”?')
    expect(summaryOf(revoke).lastUse?.textContent).toBe('Never used.')
  })
})
