import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { APIKeysManager } from '../../src/index'
import { USER, seedKeys, setupKit } from '../helpers/kit'
import { cellOf, findOpenedDialog, rowNamed, statusOf } from './helpers'

function setup() {
  const kit = setupKit({ seed: seedKeys(USER, 3, 'Key') })
  const onRevoke = vi.fn()
  const onRoll = vi.fn()
  render(<APIKeysManager onRevoke={onRevoke} onRoll={onRoll} />, { wrapper: kit.wrapper })
  return { ...kit, onRevoke, onRoll, user: userEvent.setup({ delay: null }) }
}

describe('APIKeysManager: a key’s details', () => {
  it('opens from the row’s Details action and from its name; closing returns focus to what opened it', async () => {
    const { user } = setup()
    const details = await screen.findByRole('button', { name: /^Details of Key 2\b/ })
    await user.click(details)
    const sheet = await findOpenedDialog('dialog', 'Key 2')
    // The sheet offers the row's actions for its key.
    expect(within(sheet).getByRole<HTMLButtonElement>('button', { name: 'Revoke' }).disabled).toBe(false)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(details))

    // The name opens the same details, and focus comes back to the name, the control the user pressed.
    const row = rowNamed('Key 3')
    const lastFour = cellOf(row, 'Key').textContent?.slice(-4) ?? ''
    const name = within(row).getByRole('button', { name: `Key 3 (…${lastFour})` })
    await user.click(name)
    const other = await findOpenedDialog('dialog', 'Key 3')
    await user.click(within(other).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(name))

    // Then the same key's Details action: focus follows the latest press, back to that action.
    const detailsOfKey3 = within(row).getByRole('button', { name: `Details of Key 3 (…${lastFour})` })
    await user.click(detailsOfKey3)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(detailsOfKey3))
  })

  it('revokes from the sheet through the revoke dialog, and focus returns to the Details button', async () => {
    const { user, onRevoke } = setup()
    const details = await screen.findByRole('button', { name: /^Details of Key 1\b/ })
    await user.click(details)
    const sheet = await findOpenedDialog('dialog', 'Key 1')
    await user.click(within(sheet).getByRole('button', { name: 'Revoke' }))
    const confirm = await findOpenedDialog('alertdialog', 'Revoke “Key 1”?')
    expect(screen.queryByRole('dialog')).toBeNull()
    await user.click(within(confirm).getByRole('button', { name: 'Revoke key' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(statusOf(rowNamed('Key 1'))).toBe('Revoked')
    expect(onRevoke).toHaveBeenCalledWith(expect.objectContaining({ name: 'Key 1', revoked: true }))
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Details of Key 1\b/ })),
    )
  })

  it('rolls from the sheet: roll dialog, one-time reveal, then focus back on the Details button', async () => {
    const { user, onRoll } = setup()
    const details = await screen.findByRole('button', { name: /^Details of Key 2\b/ })
    await user.click(details)
    const sheet = await findOpenedDialog('dialog', 'Key 2')
    await user.click(within(sheet).getByRole('button', { name: 'Roll' }))
    const confirm = await findOpenedDialog('alertdialog', 'Roll “Key 2”?')
    await user.click(within(confirm).getByRole('button', { name: 'Roll key' }))
    const reveal = await findOpenedDialog('alertdialog', 'Save your key “Key 2”')
    await user.click(within(reveal).getByRole('checkbox', { name: 'I have saved this key' }))
    await user.click(within(reveal).getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(onRoll).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(document.activeElement).toBe(details))
  })
})
