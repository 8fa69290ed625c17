import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { TeamApiKeysSection } from '../src/index'
import { DEMO_TEAM, DEMO_USER, demoKeys } from './support/demo-keys'
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
