import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { StatusBadge } from '../src/index'

const meta = {
  title: 'Components/StatusBadge',
  component: StatusBadge,
  tags: ['autodocs'],
  args: { status: 'active' },
} satisfies Meta<typeof StatusBadge>

export default meta
type Story = StoryObj<typeof meta>

/** A key that works. */
export const Active: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Active')).toHaveClass('rak-badge', 'rak-badge--active')
  },
}

/** A key that expires within 7 days. */
export const ExpiringSoon: Story = {
  args: { status: 'expiring-soon' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Expires soon')).toHaveClass('rak-badge--expiring-soon')
  },
}

/** A key past its expiration. */
export const Expired: Story = {
  args: { status: 'expired' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Expired')).toHaveClass('rak-badge--expired')
  },
}

/** A revoked key; its reason shows on hover and keyboard focus. */
export const RevokedWithReason: Story = {
  args: { status: 'revoked', revocationReason: 'Leaked in a public repository' },
  play: async ({ canvasElement }) => {
    const badge = within(canvasElement).getByText('Revoked')
    badge.focus()
    await expect(within(canvasElement).getByRole('tooltip')).toBeVisible()
    await expect(badge).toHaveAccessibleDescription('Revoked: Leaked in a public repository')
  },
}
