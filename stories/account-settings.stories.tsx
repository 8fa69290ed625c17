import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { AccountSettings, type MemorySeedKey } from '../src/index'
import { DEMO_TEAM, DEMO_USER, demoKeys } from './support/demo-keys'
import { filterExpiringThisWeek, renameInDetails, rollAndFollowRotation } from './support/key-flows'
import { kit } from './support/with-kit'

const meta = {
  title: 'Components/AccountSettings',
  component: AccountSettings,
  tags: ['autodocs'],
  args: {
    tabs: [
      { id: 'profile', label: 'Profile', content: <p>Your name, email and avatar.</p> },
      { id: 'security', label: 'Security', content: <p>Passwords and two-factor authentication.</p> },
    ],
  },
} satisfies Meta<typeof AccountSettings>

export default meta
type Story = StoryObj<typeof meta>

/** Tabs work with arrow keys, Home and End; the API Keys tab shows the user's own keys even with an organization active. */
export const KeyboardTabs: Story = {
  parameters: kit({
    organizationId: DEMO_TEAM,
    seed: [...demoKeys(DEMO_USER), { name: 'Team-only key', subject: DEMO_TEAM, subjectKind: 'team' }],
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const tabs = canvas.getAllByRole('tab')
    await expect(tabs.map((tab) => tab.textContent)).toEqual(['Profile', 'Security', 'API Keys'])
    await expect(canvas.getByRole('tab', { name: 'Profile' })).toHaveAttribute('aria-selected', 'true')
    canvas.getByRole('tab', { name: 'Profile' }).focus()
    await userEvent.keyboard('{ArrowRight}')
    await expect(canvas.getByRole('tab', { name: 'Security' })).toHaveFocus()
    await expect(canvas.getByRole('tabpanel', { name: 'Security' })).toHaveTextContent('two-factor')
    await userEvent.keyboard('{End}')
    const apiKeys = canvas.getByRole('tab', { name: 'API Keys' })
    await expect(apiKeys).toHaveFocus()
    await expect(apiKeys).toHaveAttribute('aria-selected', 'true')
    const panel = canvas.getByRole('tabpanel', { name: 'API Keys' })
    await expect(await within(panel).findByRole('rowheader', { name: /Production API/ })).toBeVisible()
    await expect(within(panel).queryByText('Team-only key')).toBeNull()
    await userEvent.keyboard('{ArrowRight}')
    await expect(canvas.getByRole('tab', { name: 'Profile' })).toHaveFocus()
    await userEvent.keyboard('{ArrowLeft}')
    await expect(apiKeys).toHaveFocus()
    await userEvent.keyboard('{Home}')
    await expect(canvas.getByRole('tab', { name: 'Profile' })).toHaveFocus()
  },
}

/** As a whole page, opened on the API Keys tab. */
export const FullPage: Story = {
  args: { fullPage: true, defaultTab: 'api-keys' },
  parameters: { layout: 'fullscreen' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('heading', { level: 1, name: 'Account settings' })).toBeVisible()
    await expect(canvas.getByRole('tab', { name: 'API Keys' })).toHaveAttribute('aria-selected', 'true')
    await expect(await canvas.findByRole('searchbox', { name: 'Search keys' })).toBeVisible()
  },
}

/** An app that turns user keys off hides the tab. */
export const WithoutApiKeysTab: Story = {
  args: { hideApiKeysTab: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(canvas.getAllByRole('tab')).toHaveLength(2))
    await expect(canvas.queryByRole('tab', { name: 'API Keys' })).toBeNull()
  },
}

const DAY = 24 * 60 * 60 * 1000

/**
 * The user's demo keys, made by the user (Production API ends in …qeUS), plus a preview deploy that
 * expires this week as GitHub Actions does; and a key of the active organization, which the tab leaves out.
 */
function ownKeys(): MemorySeedKey[] {
  const now = Date.now()
  return [
    ...demoKeys(DEMO_USER, now).map((key) =>
      key.name === 'Production API'
        ? { ...key, createdBy: DEMO_USER, lastFour: 'qeUS' }
        : { ...key, createdBy: DEMO_USER },
    ),
    {
      name: 'Preview deploy',
      subject: DEMO_USER,
      createdBy: DEMO_USER,
      createdAt: new Date(now - 60 * 60_000),
      lastUsedAt: new Date(now - 5 * 60_000),
      expiration: new Date(now + 5 * DAY),
    },
    { name: 'Team-only key', subject: DEMO_TEAM, subjectKind: 'team' },
  ]
}

const withOwnKeys = kit({ organizationId: DEMO_TEAM, seed: ownKeys() })

/** Picks the API Keys tab and waits for its table; resolves to the tab's panel. */
async function openApiKeysTab(canvasElement: HTMLElement): Promise<HTMLElement> {
  const canvas = within(canvasElement)
  await userEvent.click(canvas.getByRole('tab', { name: 'API Keys' }))
  const panel = canvas.getByRole('tabpanel', { name: 'API Keys' })
  await expect(await within(panel).findByRole('rowheader', { name: /^Production API/ })).toBeVisible()
  return panel
}

/**
 * In the API Keys tab, a key's name opens its details (masked key, status, who made it); the name is
 * edited in place there, and the new name shows in the sheet and, once closed, in the table.
 */
export const KeyDetailsInSettings: Story = {
  parameters: withOwnKeys,
  play: async ({ canvasElement }) => {
    await renameInDetails(await openApiKeysTab(canvasElement), 'You', 'Team-only key')
  },
}

/**
 * In the API Keys tab, a rolled key keeps working until its grace period ends: its row reads
 * "Rolling over" and names its replacement, offers Revoke now and no Roll, and its details link to
 * the replacement.
 */
export const RollInSettings: Story = {
  parameters: withOwnKeys,
  play: async ({ canvasElement }) => {
    await rollAndFollowRotation(await openApiKeysTab(canvasElement))
  },
}

/**
 * The hygiene summary in the API Keys tab: two keys expire this week, and that finding narrows the
 * table to them until Show all keys lists every key again.
 */
export const HygieneInSettings: Story = {
  parameters: withOwnKeys,
  play: async ({ canvasElement }) => {
    await filterExpiringThisWeek(await openApiKeysTab(canvasElement))
  },
}
