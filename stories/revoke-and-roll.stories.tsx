import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { APIKeysManager, isWellFormedApiKey } from '../src/index'
import { expectNoDialog, findDialog, findRow, page } from './support/play'
import { kit } from './support/with-kit'

const meta = {
  title: 'Flows/Revoke and roll',
  component: APIKeysManager,
  args: { onRevoke: fn(), onError: fn() },
} satisfies Meta<typeof APIKeysManager>

export default meta
type Story = StoryObj<typeof meta>

/**
 * Revoke with a reason: the row shows Revoked before the backend answers; the pending button keeps
 * focus, and afterwards focus goes to the revoked row's next control (its Details button).
 */
export const RevokeWithReason: Story = {
  parameters: kit({ setup: (fetcher) => fetcher.setLatency(400) }),
  play: async ({ canvasElement, args }) => {
    const trigger = await within(canvasElement).findByRole(
      'button',
      { name: /^Revoke Production API\b/ },
      { timeout: 3000 },
    )
    await userEvent.click(trigger)
    const dialog = await findDialog('Revoke “Production API”?', 'alertdialog')
    await expect(dialog).toHaveTextContent('will be refused at once')
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Reason (optional)' }), 'Leaked in a CI log')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke key' }))
    const pending = within(dialog).getByRole('button', { name: 'Revoking…' })
    await expect(pending).toHaveAttribute('aria-disabled', 'true')
    await expect(pending).toHaveFocus()
    const row = await findRow(canvasElement, /Production API/)
    await waitFor(() => expect(row.querySelector('.rak-badge')).toHaveTextContent('Revoked'))
    await expect(page().queryByRole('alertdialog')).not.toBeNull()
    await expectNoDialog('alertdialog')
    await expect(within(row).getByText('Reason: Leaked in a CI log')).toBeVisible()
    await expect(within(row).queryByRole('button', { name: /Revoke/ })).toBeNull()
    await waitFor(() => expect(within(row).getByRole('button', { name: /^Details of Production API\b/ })).toHaveFocus())
    await expect(args.onRevoke).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Production API', revocationReason: 'Leaked in a CI log' }),
    )
  },
}

/** Revoke with the keyboard alone: Enter on the row's button, type a reason, Tab to confirm. */
export const RevokeWithKeyboard: Story = {
  play: async ({ canvasElement }) => {
    const trigger = await within(canvasElement).findByRole('button', { name: /^Revoke Local development\b/ })
    trigger.focus()
    await userEvent.keyboard('{Enter}')
    const dialog = await findDialog('Revoke “Local development”?', 'alertdialog')
    const reason = within(dialog).getByRole('textbox', { name: 'Reason (optional)' })
    await waitFor(() => expect(reason).toHaveFocus())
    await userEvent.keyboard('No longer needed')
    await userEvent.tab()
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await userEvent.tab()
    await expect(within(dialog).getByRole('button', { name: 'Revoke key' })).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await expectNoDialog('alertdialog')
    const row = await findRow(canvasElement, /Local development/)
    await expect(row.querySelector('.rak-badge')).toHaveTextContent('Revoked')
    // Its Revoke button is gone, so focus goes to the revoked row's next control (Details).
    await waitFor(() =>
      expect(within(row).getByRole('button', { name: /^Details of Local development\b/ })).toHaveFocus(),
    )
  },
}

/** Cancel changes nothing and returns focus to the row's button. */
export const RevokeCancelled: Story = {
  play: async ({ canvasElement }) => {
    const trigger = await within(canvasElement).findByRole('button', { name: /^Revoke GitHub Actions\b/ })
    await userEvent.click(trigger)
    const dialog = await findDialog('Revoke “GitHub Actions”?', 'alertdialog')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await expectNoDialog('alertdialog')
    await waitFor(() => expect(trigger).toHaveFocus())
    await expect(within(await findRow(canvasElement, /^GitHub Actions/)).getByText('Expires soon')).toBeVisible()
  },
}

/** The backend refuses: the row comes back and the dialog says why. */
export const RevokeRefused: Story = {
  parameters: kit({
    setup: (fetcher) => {
      fetcher.setLatency(200)
      fetcher.failNext('forbidden', { methods: ['revoke'] })
    },
  }),
  play: async ({ canvasElement, args }) => {
    await userEvent.click(
      await within(canvasElement).findByRole('button', { name: /^Revoke Production API\b/ }, { timeout: 3000 }),
    )
    const dialog = await findDialog('Revoke “Production API”?', 'alertdialog')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke key' }))
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('You do not have permission to do this.')
    const row = await findRow(canvasElement, /Production API/)
    await waitFor(() => expect(row.querySelector('.rak-badge')).toHaveTextContent('Active'))
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'forbidden' }))
  },
}

/** Roll with a 24-hour grace period: a new secret is revealed, and the old key now expires soon. */
export const Roll: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: /^Roll Production API\b/ }))
    const dialog = await findDialog('Roll “Production API”?', 'alertdialog')
    await expect(within(dialog).getByRole('radio', { name: '24 hours' })).toBeChecked()
    for (const label of ['No grace period (expires now)', '15 minutes', '1 hour', '7 days']) {
      await expect(within(dialog).getByRole('radio', { name: label })).not.toBeChecked()
    }
    await userEvent.click(within(dialog).getByRole('button', { name: 'Roll key' }))
    const reveal = await findDialog('Save your key “Production API”', 'alertdialog')
    const secret = (within(reveal).getByRole('textbox', { name: 'API key' }) as HTMLInputElement).value
    await expect(isWellFormedApiKey(secret)).toBe(true)
    await userEvent.click(within(reveal).getByRole('checkbox', { name: 'I have saved this key' }))
    await userEvent.click(within(reveal).getByRole('button', { name: 'Done' }))
    await expectNoDialog('alertdialog')
    await waitFor(() =>
      expect(within(canvasElement).getAllByRole('rowheader', { name: /Production API/ })).toHaveLength(2),
    )
    const statuses = within(canvasElement)
      .getAllByRole('rowheader', { name: /Production API/ })
      .map((cell) => cell.closest('tr')?.querySelector('.rak-badge')?.textContent)
    await expect(statuses.sort()).toEqual(['Active', 'Expires soon'])
    await expect(document.body.innerHTML).not.toContain(secret)
  },
}
