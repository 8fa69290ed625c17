import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { TeamApiKeysSection, type MemorySeedKey } from '../src/index'
import { DEMO_TEAM, DEMO_USER, demoKeys } from './support/demo-keys'
import { expectNoDialog, factOf, findDialog, page, rowNames } from './support/play'
import { kit } from './support/with-kit'

const meta = {
  title: 'Components/TeamApiKeysSection',
  component: TeamApiKeysSection,
  tags: ['autodocs'],
  args: { teamId: DEMO_TEAM },
} satisfies Meta<typeof TeamApiKeysSection>

export default meta
type Story = StoryObj<typeof meta>

const seed = [...demoKeys(DEMO_TEAM), { name: 'Personal key', subject: DEMO_USER }]

/** A member with `$manage_api_keys` sees the team's keys under the team's name. */
export const CanManage: Story = {
  parameters: kit({
    seed,
    teams: [{ id: DEMO_TEAM, displayName: 'Acme Inc.', permissions: ['$manage_api_keys', '$read_members'] }],
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('heading', { name: 'Acme Inc. API keys' })).toBeVisible()
    await expect(await canvas.findByRole('rowheader', { name: /Production API/ })).toBeVisible()
    await expect(canvas.queryByText('Personal key')).toBeNull()
  },
}

/** A member without the permission sees nothing at all. */
export const CannotManage: Story = {
  parameters: kit({ seed, teams: [{ id: DEMO_TEAM, displayName: 'Acme Inc.', permissions: ['$read_members'] }] }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('heading')).toBeNull()
    await expect(canvasElement.querySelector('.rak-root')).toBeNull()
  },
}

const DAY = 24 * 60 * 60 * 1000
const MANAGER = { id: DEMO_TEAM, displayName: 'Acme Inc.', permissions: ['$manage_api_keys', '$read_members'] }

/**
 * The team's demo keys (Production API ends in …qeUS), made by Bob, a teammate, and a preview deploy
 * that expires this week as GitHub Actions does; and the user's own key, which the section leaves out.
 * Seeded keys name their creator: here a teammate, not the signed-in user the backend would record.
 */
function teamKeys(): MemorySeedKey[] {
  const now = Date.now()
  const byBob = { subjectKind: 'team', createdBy: 'user_bob' } as const
  return [
    ...demoKeys(DEMO_TEAM, now).map((key) =>
      key.name === 'Production API' ? { ...key, ...byBob, lastFour: 'qeUS' } : { ...key, ...byBob },
    ),
    {
      name: 'Preview deploy',
      subject: DEMO_TEAM,
      ...byBob,
      createdAt: new Date(now - 60 * 60_000),
      lastUsedAt: new Date(now - 5 * 60_000),
      expiration: new Date(now + 5 * DAY),
    },
    { name: 'Personal key', subject: DEMO_USER },
  ]
}

const withTeamKeys = kit({ seed: teamKeys(), teams: [MANAGER] })

/** The app's names for its users, as `resolveUser` gives them. */
const resolveUser = (id: string): string | null => (id === 'user_bob' ? 'Bob Builder' : null)

/** Waits for the team's table; resolves to the section. */
async function findSection(canvasElement: HTMLElement): Promise<HTMLElement> {
  const section = within(canvasElement).getByRole('region', { name: 'Acme Inc. API keys' })
  await expect(await within(section).findByRole('rowheader', { name: /^Production API/ })).toBeVisible()
  return section
}

/**
 * A team key's name opens its details (masked key, status, the teammate who made it, by the app's
 * name for them); the name is edited in place there, and the new name shows in the sheet and, once
 * closed, in the table.
 */
export const KeyDetailsInTeam: Story = {
  args: { resolveUser },
  parameters: withTeamKeys,
  play: async ({ canvasElement }) => {
    const section = await findSection(canvasElement)
    await userEvent.click(within(section).getByRole('button', { name: 'Production API (…qeUS)' }))
    const sheet = await findDialog('Production API')
    await waitFor(() => expect(sheet).toContainElement(document.activeElement as HTMLElement | null))
    await expect(sheet).toHaveAccessibleDescription('Everything about this key except its secret.')
    await expect(factOf(sheet, 'Key')).toHaveTextContent(/^sk_…qeUS$/)
    await expect(within(factOf(sheet, 'Status')).getByText('Active')).toBeVisible()
    await expect(factOf(sheet, 'Created by')).toHaveTextContent(/^Bob Builder$/)

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
    const renamed = within(section).getByRole('button', { name: 'Production API (eu) (…qeUS)' })
    await expect(renamed).toBeVisible()
    await waitFor(() => expect(renamed).toHaveFocus())
    await expect(within(section).queryByRole('button', { name: 'Production API (…qeUS)' })).toBeNull()
    await expect(within(section).queryByText('Personal key')).toBeNull()
  },
}

/**
 * A rolled team key keeps working until its grace period ends: its row reads "Rolling over" and
 * names its replacement, offers Revoke now and no Roll, and its details link to the replacement.
 */
export const RollInTeam: Story = {
  args: { resolveUser },
  parameters: withTeamKeys,
  play: async ({ canvasElement }) => {
    const section = await findSection(canvasElement)
    await userEvent.click(within(section).getByRole('button', { name: 'Roll Production API (…qeUS)' }))
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

    const revokeNow = await within(section).findByRole('button', { name: 'Revoke now: Production API (…qeUS)' })
    await expect(revokeNow).toBeVisible()
    const old = revokeNow.closest('tr')
    if (!old) throw new Error('Revoke now outside a row')
    await expect(within(old).getByText(/^Rolling over: stops /)).toHaveTextContent(`replaced by ${replacement}`)
    await expect(within(old).queryByRole('button', { name: /^Roll / })).toBeNull()
    await expect(
      within(section).getByRole('button', { name: `Roll Production API (…${secret.slice(-4)})` }),
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
  },
}

/**
 * The hygiene summary above the team's keys: two expire this week, and that finding narrows the
 * table to them until Show all keys lists every key again.
 */
export const HygieneInTeam: Story = {
  args: { resolveUser },
  parameters: withTeamKeys,
  play: async ({ canvasElement }) => {
    const section = await findSection(canvasElement)
    const summary = await within(section).findByRole('region', { name: 'Key hygiene' })
    const expiring = within(summary).getByRole('button', { name: '2 keys expire this week' })
    await expect(expiring).toHaveAttribute('aria-pressed', 'false')
    await expect(within(section).getByText('Showing 1–6 of 6')).toBeVisible()
    await userEvent.click(expiring)
    await expect(await within(section).findByText('Showing 1–2 of 2')).toBeVisible()
    await expect(expiring).toHaveAttribute('aria-pressed', 'true')
    await waitFor(() => expect(rowNames(section)).toEqual(['Preview deploy', 'GitHub Actions']))
    await userEvent.click(within(summary).getByRole('button', { name: 'Show all keys' }))
    await expect(await within(section).findByText('Showing 1–6 of 6')).toBeVisible()
    await expect(expiring).toHaveAttribute('aria-pressed', 'false')
    await expect(rowNames(section)).toEqual([
      'Preview deploy',
      'Local development',
      'GitHub Actions',
      'Production API',
      'Contractor access',
      'Old CLI token',
    ])
  },
}
