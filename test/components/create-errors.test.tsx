import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { APIKeysManager, ApiKeysError } from '../../src/index'
import { USER, setupKit } from '../helpers/kit'
import { descriptionOf, findOpenedDialog } from './helpers'

/** Every test starts with one key, so the list (not the empty state) is on screen. */
const seededTaken = [{ name: 'Taken', subject: USER }]

type User = ReturnType<typeof userEvent.setup>

/** Renders the manager, opens the create dialog and fills it in; returns the dialog and its fields. */
async function fillCreateDialog(
  user: User,
  kit: ReturnType<typeof setupKit>,
  onError: (error: ApiKeysError) => void,
  name: string,
) {
  render(<APIKeysManager onError={onError} availableScopes={['read', 'write']} />, { wrapper: kit.wrapper })
  await screen.findByRole('rowheader', { name: 'Taken' })
  await user.click(screen.getByRole('button', { name: 'Create API key' }))
  const dialog = screen.getByRole('dialog', { name: 'Create API key' })
  const fields = {
    name: within(dialog).getByRole('textbox', { name: 'Name' }) as HTMLInputElement,
    description: within(dialog).getByRole('textbox', { name: 'Description (optional)' }) as HTMLTextAreaElement,
    expiration: within(dialog).getByRole('combobox', { name: 'Expiration' }) as HTMLSelectElement,
    write: within(dialog).getByRole('checkbox', { name: 'write' }) as HTMLInputElement,
  }
  await user.type(fields.name, name)
  await user.type(fields.description, 'Nightly export job')
  await user.selectOptions(fields.expiration, '90 days')
  await user.click(fields.write)
  return { dialog, fields, submit: within(dialog).getByRole('button', { name: 'Create key' }) }
}

/** The dialog is still open and shows everything the user typed. */
function expectNothingLost(fields: Awaited<ReturnType<typeof fillCreateDialog>>['fields'], name: string): void {
  expect(screen.getByRole('dialog', { name: 'Create API key' }).contains(fields.name)).toBe(true)
  expect(fields.name.value).toBe(name)
  expect(fields.description.value).toBe('Nightly export job')
  expect(fields.expiration.value).toBe('90')
  expect(fields.write.checked).toBe(true)
  expect(screen.queryByRole('alertdialog')).toBeNull()
}

describe('APIKeysManager: a refused create', () => {
  it('explains a duplicate name once, at the field, which takes focus, keeping what was typed', async () => {
    const onError = vi.fn()
    const kit = setupKit({ seed: seededTaken })
    const user = userEvent.setup({ delay: null })
    const { dialog, fields, submit } = await fillCreateDialog(user, kit, onError, 'Taken')
    await user.click(submit)

    const message = 'An active key named “Taken” already exists. Choose another name.'
    await waitFor(() => expect(fields.name.getAttribute('aria-invalid')).toBe('true'))
    expect(descriptionOf(fields.name)).toBe(message)
    expect(within(dialog).getAllByText(message)).toHaveLength(1)
    expect(within(dialog).queryByRole('alert')).toBeNull()
    expect(document.activeElement).toBe(fields.name)
    expectNothingLost(fields, 'Taken')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(ApiKeysError)
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'conflict' })

    // Another name goes through, without retyping the rest.
    await user.clear(fields.name)
    await user.type(fields.name, 'Taken 2')
    expect(fields.name.getAttribute('aria-invalid')).toBeNull()
    await user.click(submit)
    await findOpenedDialog('alertdialog', 'Save your key “Taken 2”')
    expect(kit.memory.calls.create).toBe(2)
  })

  it('explains a quota or permission refusal', async () => {
    const onError = vi.fn()
    const kit = setupKit({ seed: seededTaken })
    const user = userEvent.setup({ delay: null })
    const { dialog, fields, submit } = await fillCreateDialog(user, kit, onError, 'One too many')
    kit.memory.failNext('forbidden', { methods: ['create'] })
    await user.click(submit)

    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'You cannot create another API key here: you may be at your limit or lack permission. Revoke an unused key or ask an admin.',
    )
    expectNothingLost(fields, 'One too many')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'forbidden' })
    expect(kit.memory.calls.create).toBe(1)
  })

  it('explains a network failure and lets the user try again', async () => {
    const onError = vi.fn()
    const kit = setupKit({ seed: seededTaken })
    const user = userEvent.setup({ delay: null })
    const { dialog, fields, submit } = await fillCreateDialog(user, kit, onError, 'Offline')
    kit.memory.failNext('network', { methods: ['create'] })
    await user.click(submit)

    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Could not reach the server. Check your connection and try again.',
    )
    expect(fields.name.getAttribute('aria-invalid')).toBeNull()
    expectNothingLost(fields, 'Offline')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'network' })
    expect((submit as HTMLButtonElement).disabled).toBe(false)
    expect(submit.textContent).toBe('Create key')

    await user.click(submit)
    await findOpenedDialog('alertdialog', 'Save your key “Offline”')
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('refuses a name longer than 64 characters at the field', async () => {
    const onError = vi.fn()
    const kit = setupKit({ seed: seededTaken })
    const user = userEvent.setup({ delay: null })
    const { fields, submit } = await fillCreateDialog(user, kit, onError, 'x'.repeat(65))
    await user.click(submit)
    expect(fields.name.getAttribute('aria-invalid')).toBe('true')
    expect(descriptionOf(fields.name)).toBe('Name must be at most 64 characters.')
    expect(kit.memory.calls.create).toBe(0)
    expect(onError).not.toHaveBeenCalled()
  })
})

describe('APIKeysManager: a cancelled create', () => {
  it('keeps what was typed for the next time the dialog opens, but not the last error', async () => {
    const kit = setupKit({ seed: seededTaken })
    const user = userEvent.setup({ delay: null })
    const { dialog, submit } = await fillCreateDialog(user, kit, vi.fn(), 'Taken')
    await user.click(submit)
    await within(dialog).findByText('An active key named “Taken” already exists. Choose another name.')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Create API key' }))
    const reopened = screen.getByRole('dialog', { name: 'Create API key' })
    expect((within(reopened).getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('Taken')
    expect(
      (within(reopened).getByRole('textbox', { name: 'Description (optional)' }) as HTMLTextAreaElement).value,
    ).toBe('Nightly export job')
    expect((within(reopened).getByRole('combobox', { name: 'Expiration' }) as HTMLSelectElement).value).toBe('90')
    expect((within(reopened).getByRole('checkbox', { name: 'write' }) as HTMLInputElement).checked).toBe(true)
    expect(within(reopened).queryByText(/already exists/)).toBeNull()
    expect(within(reopened).getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBeNull()
  })
})
