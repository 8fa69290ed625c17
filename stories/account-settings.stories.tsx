import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { AccountSettings } from '../src/index'
import { DEMO_TEAM, DEMO_USER, demoKeys } from './support/demo-keys'
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
