import { expect, userEvent, waitFor, within } from 'storybook/test'
import { expectNoDialog, factOf, findDialog, page, rowNames } from './play'

// The flows of a key's details, a roll and the hygiene summary, played the same in every place that
// shows keys (the settings tab, the team section) over the demo keys, where Production API ends in
// …qeUS and two keys (Preview deploy, GitHub Actions) expire this week.

/**
 * Opens Production API's details from its name in `container` (masked key, status, `creator`),
 * renames it in place (focus back on Edit), and after Close finds the new name in the table, focused;
 * the key named `notHere` (another owner's) is not shown.
 */
export async function renameInDetails(container: HTMLElement, creator: string, notHere: string): Promise<void> {
  const name = within(container).getByRole('button', { name: 'Production API (…qeUS)' })
  await userEvent.click(name)
  const sheet = await findDialog('Production API')
  await waitFor(() => expect(sheet).toContainElement(document.activeElement as HTMLElement | null))
  await expect(sheet).toHaveAccessibleDescription('Everything about this key except its secret.')
  await expect(factOf(sheet, 'Key')).toHaveTextContent(/^sk_…qeUS$/)
  await expect(within(factOf(sheet, 'Status')).getByText('Active')).toBeVisible()
  await expect(factOf(sheet, 'Created by').textContent).toBe(creator)

  const facts = within(sheet)
  await userEvent.click(facts.getByRole('button', { name: 'Edit name' }))
  const field = facts.getByRole('textbox', { name: 'Name' })
  await waitFor(() => expect(field).toHaveFocus())
  await userEvent.clear(field)
  await userEvent.type(field, 'Production API (eu)')
  await userEvent.click(facts.getByRole('button', { name: 'Save' }))
  await findDialog('Production API (eu)')
  await waitFor(() => expect(facts.getByRole('button', { name: 'Edit name' })).toHaveFocus())
  await expect(factOf(sheet, 'Name')).toHaveTextContent(/^Production API \(eu\)Edit$/)

  await userEvent.click(facts.getByRole('button', { name: 'Close' }))
  await expectNoDialog()
  const renamed = within(container).getByRole('button', { name: 'Production API (eu) (…qeUS)' })
  await expect(renamed).toBeVisible()
  await waitFor(() => expect(renamed).toHaveFocus())
  await expect(within(container).queryByRole('button', { name: 'Production API (…qeUS)' })).toBeNull()
  await expect(within(container).queryByText(notHere)).toBeNull()
}

/**
 * Rolls Production API from its row in `container`, and follows the rotation: the old row reads
 * "Rolling over" and names the replacement, offers Revoke now and no Roll, and its details link to
 * the replacement's, which link back.
 */
export async function rollAndFollowRotation(container: HTMLElement): Promise<void> {
  await userEvent.click(within(container).getByRole('button', { name: 'Roll Production API (…qeUS)' }))
  const dialog = await findDialog('Roll “Production API”?', 'alertdialog')
  await expect(within(dialog).getByRole('radio', { name: '24 hours' })).toBeChecked()
  await userEvent.click(within(dialog).getByRole('button', { name: 'Roll key' }))
  const reveal = await findDialog('Save your key “Production API”', 'alertdialog')
  const secret = (within(reveal).getByRole('textbox', { name: 'API key' }) as HTMLInputElement).value
  const replacement = `sk_…${secret.slice(-4)}`
  await userEvent.click(within(reveal).getByRole('checkbox', { name: 'I have saved this key' }))
  await userEvent.click(within(reveal).getByRole('button', { name: 'Done' }))
  await expectNoDialog('alertdialog')
  await expect(document.body.innerHTML).not.toContain(secret)

  const revokeNow = await within(container).findByRole('button', { name: 'Revoke now: Production API (…qeUS)' })
  await expect(revokeNow).toBeVisible()
  const old = revokeNow.closest('tr')
  if (!old) throw new Error('Revoke now outside a row')
  await expect(within(old).getByText(/^Rolling over: stops /)).toHaveTextContent(`replaced by ${replacement}`)
  await expect(within(old).queryByRole('button', { name: /^Roll / })).toBeNull()
  await expect(
    within(container).getByRole('button', { name: `Roll Production API (…${secret.slice(-4)})` }),
  ).toBeVisible()

  await userEvent.click(within(old).getByRole('button', { name: 'Production API (…qeUS)' }))
  const sheet = await findDialog('Production API')
  const facts = within(sheet)
  await expect(factOf(sheet, 'Replaced by')).toHaveTextContent(replacement)
  await expect(facts.getByRole('button', { name: 'Revoke now' })).toBeVisible()
  await expect(facts.queryByRole('button', { name: 'Roll' })).toBeNull()
  await userEvent.click(facts.getByRole('button', { name: `Show details of ${replacement}` }))
  await waitFor(() => expect(factOf(sheet, 'Key')).toHaveTextContent(replacement))
  await expect(factOf(sheet, 'Replaces')).toHaveTextContent(/^sk_…qeUS$/)
  await expect(facts.getByRole('button', { name: 'Roll' })).toBeVisible()
  await expect(page().getAllByRole('dialog')).toHaveLength(1)
}

/** Narrows the keys in `container` to the two that expire this week, then shows every key again. */
export async function filterExpiringThisWeek(container: HTMLElement): Promise<void> {
  const summary = await within(container).findByRole('region', { name: 'Key hygiene' })
  const expiring = within(summary).getByRole('button', { name: '2 keys expire this week' })
  await expect(expiring).toHaveAttribute('aria-pressed', 'false')
  await expect(within(container).getByText('Showing 1–6 of 6')).toBeVisible()
  await userEvent.click(expiring)
  await expect(await within(container).findByText('Showing 1–2 of 2')).toBeVisible()
  await expect(expiring).toHaveAttribute('aria-pressed', 'true')
  await waitFor(() => expect(rowNames(container)).toEqual(['Preview deploy', 'GitHub Actions']))
  await userEvent.click(within(summary).getByRole('button', { name: 'Show all keys' }))
  await expect(await within(container).findByText('Showing 1–6 of 6')).toBeVisible()
  await expect(expiring).toHaveAttribute('aria-pressed', 'false')
  await expect(rowNames(container)).toEqual([
    'Preview deploy',
    'Local development',
    'GitHub Actions',
    'Production API',
    'Contractor access',
    'Old CLI token',
  ])
}
