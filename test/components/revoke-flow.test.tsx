import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { APIKeysManager, type APIKeyResource } from '../../src/index'
import { USER, countPageRequests, seedKeys, setupKit } from '../helpers/kit'
import { cellOf, descriptionOf, findOpenedDialog, rowNamed, statusOf } from './helpers'

function setup(onRevoke = vi.fn(), onError = vi.fn()) {
  const kit = setupKit({ seed: seedKeys(USER, 3, 'Key') })
  render(<APIKeysManager onRevoke={onRevoke} onError={onError} />, { wrapper: kit.wrapper })
  return { ...kit, onRevoke, onError, user: userEvent.setup({ delay: null }) }
}

describe('APIKeysManager: revoking a key', () => {
  it('asks, shows Revoked at once, then closes with the reason in the row', async () => {
    const { memory, onRevoke, user } = setup()
    await user.click(await screen.findByRole('button', { name: /^Revoke Key 2\b/ }))
    const dialog = screen.getByRole('alertdialog', { name: 'Revoke “Key 2”?' })
    expect(descriptionOf(dialog)).toContain(
      'Scripts and services that use this key will be refused at once. This cannot be undone.',
    )
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason (optional)' }), 'Leaked in a CI log')

    memory.setLatency(300)
    const confirm = within(dialog).getByRole('button', { name: 'Revoke key' })
    await user.click(confirm)
    // Optimistic: the row says Revoked while the request is still on its way.
    await waitFor(() => expect(statusOf(rowNamed('Key 2'))).toBe('Revoked'))
    expect(screen.getByRole('alertdialog', { name: 'Revoke “Key 2”?' })).toBe(dialog)
    expect(confirm.textContent).toBe('Revoking…')
    // Pending: the button keeps focus and ignores presses instead of being disabled.
    expect(confirm.getAttribute('aria-disabled')).toBe('true')
    expect(document.activeElement).toBe(confirm)
    expect(onRevoke).not.toHaveBeenCalled()
    // Escape does nothing while the request is pending.
    await user.keyboard('{Escape}')
    expect(screen.getByRole('alertdialog', { name: 'Revoke “Key 2”?' })).toBe(dialog)

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    memory.setLatency(0)
    const row = rowNamed('Key 2')
    expect(statusOf(row)).toBe('Revoked')
    expect(within(row).queryByRole('button', { name: /^Revoke Key 2\b/ })).toBeNull()
    expect(within(row).queryByRole('button', { name: /^Roll Key 2\b/ })).toBeNull()
    // The reason is in plain sight, and when it was revoked stands where the expiry stood.
    await waitFor(() => expect(cellOf(row, 'Status').textContent).toContain('Reason: Leaked in a CI log'))
    expect(cellOf(row, 'Expires').textContent).toBe('Revoked now')
    // The other keys are untouched.
    expect(statusOf(rowNamed('Key 1'))).toBe('Active')
    const otherRevoke = within(rowNamed('Key 1')).getByRole<HTMLButtonElement>('button', { name: /^Revoke Key 1\b/ })
    expect(otherRevoke.disabled).toBe(false)

    expect(memory.calls.revoke).toBe(1)
    expect(onRevoke).toHaveBeenCalledTimes(1)
    expect(onRevoke.mock.calls[0]?.[0] as APIKeyResource).toMatchObject({
      name: 'Key 2',
      revoked: true,
      revocationReason: 'Leaked in a CI log',
    })
  })

  it('puts the row back and explains why when the backend refuses', async () => {
    const { memory, onRevoke, onError, user } = setup()
    await user.click(await screen.findByRole('button', { name: /^Revoke Key 3\b/ }))
    const dialog = screen.getByRole('alertdialog', { name: 'Revoke “Key 3”?' })
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason (optional)' }), 'No longer used')
    memory.setLatency(200)
    memory.failNext('forbidden', { methods: ['revoke'] })
    const pageRequests = countPageRequests(memory)
    const listed = pageRequests()
    await user.click(within(dialog).getByRole('button', { name: 'Revoke key' }))
    await waitFor(() => expect(statusOf(rowNamed('Key 3'))).toBe('Revoked'))

    expect((await within(dialog).findByRole('alert')).textContent).toBe('You do not have permission to do this.')
    memory.setLatency(0)
    await waitFor(() => expect(statusOf(rowNamed('Key 3'))).toBe('Active'))
    const revokeAgain = within(rowNamed('Key 3')).getByRole<HTMLButtonElement>('button', {
      name: /^Revoke Key 3\b/,
      hidden: true,
    })
    expect(revokeAgain.disabled).toBe(false)
    expect(screen.getByRole('alertdialog', { name: 'Revoke “Key 3”?' })).toBe(dialog)
    expect((within(dialog).getByRole('textbox', { name: 'Reason (optional)' }) as HTMLInputElement).value).toBe(
      'No longer used',
    )
    // The user can try again.
    expect(within(dialog).getByRole('button', { name: 'Revoke key' }).getAttribute('aria-disabled')).not.toBe('true')
    expect(onRevoke).not.toHaveBeenCalled()
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'forbidden' })
    // The row stays Active once the list has been fetched again from the backend and shown.
    await waitFor(() => expect(pageRequests()).toBeGreaterThan(listed))
    // The dialog is still open, so the table is hidden from the accessibility tree behind it.
    await waitFor(() => expect(screen.getByRole('table', { hidden: true }).getAttribute('aria-busy')).toBeNull())
    expect(statusOf(rowNamed('Key 3'))).toBe('Active')
  })

  it('Cancel and Escape close without revoking and return focus to the row’s button', async () => {
    const { memory, user } = setup()
    const trigger = await screen.findByRole('button', { name: /^Revoke Key 1\b/ })
    await user.click(trigger)
    await user.click(
      within(screen.getByRole('alertdialog', { name: 'Revoke “Key 1”?' })).getByRole('button', { name: 'Cancel' }),
    )
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(trigger))

    await user.click(trigger)
    const again = screen.getByRole('alertdialog', { name: 'Revoke “Key 1”?' })
    expect(again.contains(document.activeElement)).toBe(true)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(trigger))
    expect(memory.calls.revoke).toBe(0)
    expect(statusOf(rowNamed('Key 1'))).toBe('Active')
  })

  // The optimistic update unmounts the row's buttons and the rollback mounts new ones: Cancel must
  // find the new Revoke button, not the detached one (nor fall back to the table region).
  it('after a refused revoke, Cancel returns focus to the row’s revoke button', async () => {
    const { memory, user } = setup()
    await user.click(await screen.findByRole('button', { name: /^Revoke Key 1\b/ }))
    const dialog = screen.getByRole('alertdialog', { name: 'Revoke “Key 1”?' })
    memory.setLatency(100)
    memory.failNext('forbidden', { methods: ['revoke'] })
    await user.click(within(dialog).getByRole('button', { name: 'Revoke key' }))
    await waitFor(() => expect(statusOf(rowNamed('Key 1'))).toBe('Revoked'))
    await within(dialog).findByRole('alert')
    await waitFor(() => expect(statusOf(rowNamed('Key 1'))).toBe('Active'))
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Revoke Key 1\b/ })))
  })

  // Focus goes back to what opened the dialog just closed: a row's Revoke button from an earlier,
  // cancelled revoke must not catch the focus of a later create's reveal dialog.
  it('after a cancelled revoke, a new key’s Done returns focus to "Create API key"', async () => {
    const { user } = setup()
    await user.click(await screen.findByRole('button', { name: /^Revoke Key 1\b/ }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())

    await user.click(screen.getByRole('button', { name: 'Create API key' }))
    const dialog = screen.getByRole('dialog', { name: 'Create API key' })
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Fresh')
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))
    const reveal = await findOpenedDialog('alertdialog', 'Save your key “Fresh”')
    await user.click(within(reveal).getByRole('checkbox', { name: 'I have saved this key' }))
    await user.click(within(reveal).getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Create API key' })))
  })
})
