import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { AccountSettings, APIKeysManager, TeamApiKeysSection } from '../src/index'
import { DEMO_TEAM, DEMO_USER, demoKeys } from './support/demo-keys'
import { findDialog, page } from './support/play'
import { expectEveryActionReachable, expectNoSidewaysScroll } from './support/reachability'
import { kit } from './support/with-kit'

/**
 * Every screen on a 375 px phone and at 200% zoom (a 1280 x 800 window shows 640 x 400 CSS px): the
 * page never scrolls sideways, and every action can be scrolled to and is then wholly on screen.
 */
const meta = {
  title: 'Layout/Phone and zoom',
  component: APIKeysManager,
  args: { availableScopes: ['keys:read', 'orders:read', 'orders:write', 'deploy'] },
} satisfies Meta<typeof APIKeysManager>

export default meta
type Story = StoryObj<typeof meta>

const phone = { viewport: { value: 'phone', isRotated: false } }
const zoom = { viewport: { value: 'zoom200', isRotated: false } }

async function checkManager(canvasElement: HTMLElement): Promise<void> {
  const canvas = within(canvasElement)
  await canvas.findByRole('rowheader', { name: /Production API/ })
  await expect(innerWidth).toBeLessThanOrEqual(640)
  await expectNoSidewaysScroll()
  // Each key reads as a card: its dates are labelled in place, its actions sit inside the screen.
  const row = canvas.getByRole('rowheader', { name: /Production API/ }).closest('tr') as HTMLElement
  const lastUsed = within(row).getByText('5 minutes ago').closest('td') as HTMLElement
  await expect(getComputedStyle(lastUsed, '::before').content).toBe('"Last used"')
  await expect(lastUsed).toBeVisible()
  await expect(within(row).getByRole('button', { name: /^Revoke Production API/ })).toBeVisible()
  await expect(await expectEveryActionReachable(canvasElement)).toBeGreaterThan(8)
}

/** The manager on a phone. */
export const ManagerOnPhone: Story = { globals: phone, play: ({ canvasElement }) => checkManager(canvasElement) }

/** The manager at 200% zoom. */
export const ManagerAtZoom: Story = { globals: zoom, play: ({ canvasElement }) => checkManager(canvasElement) }

/** German words are longer: still nothing wider than the phone. */
export const GermanOnPhone: Story = {
  globals: { ...phone, locale: 'de' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('rowheader', { name: /Production API/ })
    await expectNoSidewaysScroll()
    await expectEveryActionReachable(canvasElement)
  },
}

/** The dark theme on a phone: axe checks its contrast too. */
export const DarkOnPhone: Story = {
  globals: { ...phone, theme: 'dark' },
  play: ({ canvasElement }) => checkManager(canvasElement),
}

const settings: Story = {
  render: (args) => <AccountSettings fullPage defaultTab="api-keys" apiKeys={args} />,
  parameters: { layout: 'fullscreen' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('rowheader', { name: /Production API/ })
    await expectNoSidewaysScroll()
    await expectEveryActionReachable(canvasElement)
  },
}

/** The account settings page on a phone. */
export const SettingsOnPhone: Story = { ...settings, globals: phone }

/** The account settings page at 200% zoom. */
export const SettingsAtZoom: Story = { ...settings, globals: zoom }

const team: Story = {
  render: (args) => <TeamApiKeysSection {...args} teamId={DEMO_TEAM} />,
  parameters: kit({
    seed: [
      ...demoKeys(DEMO_TEAM).map((key) => ({ ...key, createdBy: DEMO_USER })),
      { name: 'Mine', subject: DEMO_USER },
    ],
    teams: [{ id: DEMO_TEAM, displayName: 'Acme Inc.', permissions: ['$manage_api_keys'] }],
  }),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('rowheader', { name: /Production API/ })
    await expectNoSidewaysScroll()
    await expectEveryActionReachable(canvasElement)
  },
}

/** The team section on a phone. */
export const TeamOnPhone: Story = { ...team, globals: phone }

/** The team section at 200% zoom. */
export const TeamAtZoom: Story = { ...team, globals: zoom }

/** Opens a dialog from the manager and checks it is a sheet inside the screen with every control reachable. */
async function checkDialog(dialog: HTMLElement): Promise<void> {
  await expectNoSidewaysScroll()
  const box = dialog.getBoundingClientRect()
  await expect(box.left).toBeGreaterThanOrEqual(0)
  await expect(box.right).toBeLessThanOrEqual(innerWidth)
  // Its top, with the title, is on screen (at 200% zoom it was cut off).
  await expect(box.top).toBeGreaterThanOrEqual(0)
  await expect(within(dialog).getAllByRole('heading')[0]).toBeVisible()
  await expectEveryActionReachable(dialog)
}

const dialogs: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('rowheader', { name: /Production API/ })

    await userEvent.click(canvas.getByRole('button', { name: 'Create API key' }))
    const create = await findDialog('Create API key')
    await checkDialog(create)
    await userEvent.type(within(create).getByRole('textbox', { name: 'Name' }), 'Phone key')
    await userEvent.click(within(create).getByRole('button', { name: 'Create key' }))
    const reveal = await findDialog('Save your key “Phone key”', 'alertdialog')
    await checkDialog(reveal)
    await userEvent.click(within(reveal).getByRole('checkbox', { name: 'I have saved this key' }))
    await userEvent.click(within(reveal).getByRole('button', { name: 'Done' }))
    await expect(page().queryByRole('alertdialog')).toBeNull()

    await userEvent.click(canvas.getByRole('button', { name: /^Revoke Production API/ }))
    const revoke = await findDialog('Revoke “Production API”?', 'alertdialog')
    await checkDialog(revoke)
    await userEvent.click(within(revoke).getByRole('button', { name: 'Cancel' }))
    await expect(page().queryByRole('alertdialog')).toBeNull()

    await userEvent.click(canvas.getByRole('button', { name: /^Roll Production API/ }))
    const roll = await findDialog('Roll “Production API”?', 'alertdialog')
    await checkDialog(roll)
    await userEvent.click(within(roll).getByRole('button', { name: 'Cancel' }))
  },
}

/** Every dialog on a phone: a full-width sheet that scrolls. */
export const DialogsOnPhone: Story = { ...dialogs, globals: phone }

/** Every dialog at 200% zoom. */
export const DialogsAtZoom: Story = { ...dialogs, globals: zoom }
