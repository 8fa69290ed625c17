import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { APIKeysManager, ApiKeysError, isWellFormedApiKey } from '../src/index'
import { findDialog, page } from './support/play'
import { kit } from './support/with-kit'

const meta = {
  title: 'Flows/Create and reveal',
  component: APIKeysManager,
  args: { availableScopes: ['keys:read', 'orders:write'], onCreate: fn(), onError: fn() },
} satisfies Meta<typeof APIKeysManager>

export default meta
type Story = StoryObj<typeof meta>

/** Create a key with the keyboard alone, copy it, confirm, and land back on the button. */
export const KeyboardOnly: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const create = await canvas.findByRole('button', { name: 'Create API key' })
    create.focus()
    await userEvent.keyboard('{Enter}')
    const dialog = await findDialog('Create API key')
    const name = within(dialog).getByRole('textbox', { name: 'Name' })
    await waitFor(() => expect(name).toHaveFocus())
    await userEvent.keyboard('Payments worker')
    await userEvent.tab()
    await expect(within(dialog).getByRole('textbox', { name: 'Description (optional)' })).toHaveFocus()
    await userEvent.keyboard('Charges cards nightly')
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Expiration' }), '7 days')
    await expect(within(dialog).getByText(/^Expires on /)).toBeVisible()
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'orders:write' }))
    within(dialog).getByRole('button', { name: 'Create key' }).focus()
    await userEvent.keyboard('{Enter}')

    const reveal = await findDialog('Save your key “Payments worker”', 'alertdialog')
    const field = within(reveal).getByRole('textbox', { name: 'API key' })
    const secret = (field as HTMLInputElement).value
    await expect(isWellFormedApiKey(secret)).toBe(true)
    await expect(field).toHaveAttribute('readonly')
    await userEvent.click(within(reveal).getByRole('button', { name: 'Copy' }))
    // Said once, by the status line; the button keeps its name.
    await expect(await within(reveal).findByRole('status')).toHaveTextContent('Copied')
    await expect(within(reveal).queryByRole('button', { name: 'Copied' })).toBeNull()
    await expect(await navigator.clipboard.readText()).toBe(secret)

    await userEvent.keyboard('{Escape}')
    await expect(reveal).toBeVisible()
    const done = within(reveal).getByRole('button', { name: 'Done' })
    await expect(done).toBeDisabled()
    within(reveal).getByRole('checkbox', { name: 'I have saved this key' }).focus()
    await userEvent.keyboard(' ')
    done.focus()
    await userEvent.keyboard('{Enter}')

    await waitFor(() => expect(page().queryByRole('alertdialog')).toBeNull())
    await expect(document.body.innerHTML).not.toContain(secret)
    await expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(secret)
    await waitFor(() => expect(create).toHaveFocus())
    await expect(await canvas.findByRole('rowheader', { name: /Payments worker/ })).toBeVisible()
    await expect(args.onCreate).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Payments worker', scopes: ['orders:write'] }),
    )
    await expect(args.onCreate).not.toHaveBeenCalledWith(expect.objectContaining({ secret: expect.anything() }))
  },
}

/** When the browser refuses the clipboard, the dialog says so and selects the key for copying by hand. */
export const CopyRefused: Story = {
  beforeEach: () => {
    const original = navigator.clipboard.writeText
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))
    return () => {
      navigator.clipboard.writeText = original
    }
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Create API key' }))
    const dialog = await findDialog('Create API key')
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Clipboard test')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create key' }))
    const reveal = await findDialog(/Clipboard test/, 'alertdialog')
    await userEvent.click(within(reveal).getByRole('button', { name: 'Copy' }))
    await expect(await within(reveal).findByRole('alert')).toHaveTextContent('Copying was blocked by the browser')
    const field = within(reveal).getByRole('textbox', { name: 'API key' }) as HTMLInputElement
    await expect(field).toHaveFocus()
    await expect((field.selectionEnd ?? 0) - (field.selectionStart ?? 0)).toBe(field.value.length)
  },
}

/** Outside clicks do not close the reveal dialog either. */
export const RevealIgnoresOutsideClicks: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Create API key' }))
    const dialog = await findDialog('Create API key')
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Sticky{Enter}')
    const reveal = await findDialog(/Sticky/, 'alertdialog')
    await userEvent.click(document.querySelector('.rak-overlay') as HTMLElement, { pointerEventsCheck: 0 })
    await expect(reveal).toBeVisible()
    await expect(within(reveal).getByRole('button', { name: 'Done' })).toBeDisabled()
  },
}

/** Inline validation: a missing name and a custom date in the past, with nothing sent. */
export const Validation: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Create API key' }))
    const dialog = await findDialog('Create API key')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create key' }))
    const name = within(dialog).getByRole('textbox', { name: 'Name' })
    await expect(name).toHaveAttribute('aria-invalid', 'true')
    await expect(name).toHaveAccessibleDescription('Name is required.')
    await expect(name).toHaveFocus()
    await userEvent.type(name, 'Dated')
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Expiration' }), 'Custom date')
    const date = within(dialog).getByLabelText('Expiration date')
    await userEvent.type(date, '2020-01-01')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create key' }))
    // Said once, on the field, which takes focus; no summary banner repeats it.
    await expect(await within(dialog).findByText('Expiration date must be in the future.')).toBeVisible()
    await expect(date).toHaveAttribute('aria-invalid', 'true')
    await expect(date).toHaveAccessibleDescription(expect.stringContaining('Expiration date must be in the future.'))
    await waitFor(() => expect(date).toHaveFocus())
    await expect(within(dialog).queryByRole('alert')).toBeNull()
    // The error leaves as soon as its field changes.
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Expiration' }), 'Never')
    await expect(within(dialog).getByText('Never expires')).toBeVisible()
    await expect(within(dialog).queryByText('Expiration date must be in the future.')).toBeNull()
  },
}

/** On a backend that stores no scopes (Stack Auth, Clerk), the dialog offers none, even when the app lists some. */
export const BackendWithoutScopes: Story = {
  parameters: kit({ withoutScopes: true }),
  play: async ({ canvasElement, args }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Create API key' }))
    const dialog = await findDialog('Create API key')
    await expect(within(dialog).queryByRole('group', { name: /Scopes/ })).toBeNull()
    await expect(within(dialog).queryByRole('checkbox', { name: 'orders:write' })).toBeNull()
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Unscoped{Enter}')
    await findDialog('Save your key “Unscoped”', 'alertdialog')
    await expect(args.onCreate).toHaveBeenCalledWith(expect.objectContaining({ name: 'Unscoped', scopes: [] }))
  },
}

/** On a backend that keeps no description beside the name (Stack Auth), the dialog asks for none and sends none. */
export const BackendWithoutDescriptions: Story = {
  parameters: kit({ withoutDescription: true }),
  play: async ({ canvasElement, args }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Create API key' }))
    const dialog = await findDialog('Create API key')
    await expect(within(dialog).queryByRole('textbox', { name: /Description/ })).toBeNull()
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Labelled once{Enter}')
    await findDialog('Save your key “Labelled once”', 'alertdialog')
    await expect(args.onCreate).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Labelled once', description: null }),
    )
  },
}

/** A duplicate name: explained in the dialog, with everything typed still there. */
export const DuplicateName: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Create API key' }))
    const dialog = await findDialog('Create API key')
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'production api')
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Description (optional)' }), 'Second one')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create key' }))
    // Once, on the Name field, which takes focus: no banner saying it again.
    const name = within(dialog).getByRole('textbox', { name: 'Name' })
    const said = 'An active key named “production api” already exists. Choose another name.'
    await expect(await within(dialog).findByText(said)).toBeVisible()
    await expect(within(dialog).getAllByText(/already exists/)).toHaveLength(1)
    await expect(within(dialog).queryByRole('alert')).toBeNull()
    await expect(name).toHaveAttribute('aria-invalid', 'true')
    await expect(name).toHaveAccessibleDescription(said)
    await waitFor(() => expect(name).toHaveFocus())
    await expect(name).toHaveValue('production api')
    await expect(within(dialog).getByRole('textbox', { name: 'Description (optional)' })).toHaveValue('Second one')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'conflict' }))
  },
}

/** A refused create (quota or permission) says what to do next. */
export const QuotaReached: Story = {
  parameters: kit({
    setup: (fetcher) =>
      fetcher.failNext(new ApiKeysError('forbidden', 'Quota of 10 keys reached'), { methods: ['create'] }),
  }),
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Create API key' }))
    const dialog = await findDialog('Create API key')
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Eleventh{Enter}')
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('You cannot create another API key here')
  },
}

/** The network fails while creating: the dialog stays, pending state ends, nothing typed is lost. */
export const NetworkFailure: Story = {
  parameters: kit({
    setup: (fetcher) => {
      fetcher.setLatency(300)
      fetcher.failNext('network', { methods: ['create'] })
    },
  }),
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Create API key' }))
    const dialog = await findDialog('Create API key')
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Offline')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create key' }))
    // Pending: the button keeps focus and says it does nothing now (aria-disabled, not disabled, which drops focus).
    const pending = await within(dialog).findByRole('button', { name: 'Creating…' })
    await expect(pending).toHaveAttribute('aria-disabled', 'true')
    await expect(pending).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    await expect(dialog).toBeVisible()
    // The failure takes focus.
    const alert = await within(dialog).findByRole('alert')
    await expect(alert).toHaveTextContent('Could not reach the server')
    await waitFor(() => expect(alert).toHaveFocus())
    await expect(within(dialog).getByRole('button', { name: 'Create key' })).not.toHaveAttribute('aria-disabled')
    await expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('Offline')
  },
}
