import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import type { APIKeyResource } from '../src/index'
import { KeysTable } from '../src/components/manager/KeysTable'
import { deMessages, TeamApiKeysSection } from '../src/index'
import { DEMO_TEAM, DEMO_USER, demoKeys } from './support/demo-keys'
import { findRow } from './support/play'
import { kit } from './support/with-kit'

const DAY = 24 * 60 * 60 * 1000
const now = Date.now()

function key(overrides: Partial<APIKeyResource> & Pick<APIKeyResource, 'id' | 'name' | 'lastFour'>): APIKeyResource {
  return {
    description: null,
    subject: DEMO_USER,
    scopes: [],
    claims: null,
    createdAt: new Date(now - 30 * DAY),
    createdBy: DEMO_USER,
    expiration: null,
    revoked: false,
    revokedAt: null,
    revocationReason: null,
    lastUsedAt: null,
    prefix: 'sk_',
    ...overrides,
  } as APIKeyResource
}

/** A key rolled an hour ago: the old one works until its grace period ends, the new one replaced it. */
const rolledKeys: APIKeyResource[] = [
  key({
    id: 'key_new',
    name: 'Production API',
    lastFour: 'qeUS',
    rolledFrom: 'key_old',
    createdAt: new Date(now - 3600_000),
  }),
  key({
    id: 'key_old',
    name: 'Production API',
    lastFour: 'x7Rb',
    replacedBy: 'key_new',
    expiration: new Date(now + 23 * 3600_000),
    lastUsedAt: new Date(now - 60_000),
  }),
  key({
    id: 'key_gone',
    name: 'Contractor access',
    lastFour: 'Ab12',
    revoked: true,
    revokedAt: new Date(now - 15 * DAY),
    revocationReason: 'Contract ended',
    expiration: new Date(now + 100 * DAY),
  }),
]

/** The rows of the keys table, each as a user reads it. */
const meta = {
  title: 'Layout/Key rows',
  component: KeysTable,
  args: {
    keys: rolledKeys,
    loading: false,
    busy: false,
    showDescription: true,
    canRoll: true,
    onRevoke: fn(),
    onRoll: fn(),
    onOpenDetails: fn(),
  },
  render: (args) => (
    <div className="rak-root rak-manager">
      <div className="rak-table-region">
        <KeysTable {...args} />
      </div>
    </div>
  ),
} satisfies Meta<typeof KeysTable>

export default meta
type Story = StoryObj<typeof meta>

/**
 * After a roll two rows share a name: every action names its key by the last four, the old key says
 * when it stops and what replaced it, and offers Revoke now but not Roll again.
 */
export const RolledKey: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    // Every button of the table, the keys' names too, has a name of its own.
    const names = canvas.getAllByRole('button').map((button) => button.getAttribute('aria-label') ?? button.textContent)
    await expect(new Set(names).size).toBe(names.length)
    await expect(canvas.getByRole('button', { name: 'Production API (…qeUS)' })).toHaveTextContent(/^Production API$/)
    await expect(canvas.getByRole('button', { name: 'Production API (…x7Rb)' })).toHaveTextContent(/^Production API$/)
    await expect(canvas.getByRole('button', { name: 'Roll Production API (…qeUS)' })).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Revoke Production API (…qeUS)' })).toBeVisible()
    await expect(canvas.queryByRole('button', { name: 'Roll Production API (…x7Rb)' })).toBeNull()
    const revokeNow = canvas.getByRole('button', { name: 'Revoke now: Production API (…x7Rb)' })
    await expect(revokeNow).toHaveTextContent('Revoke now')
    const old = revokeNow.closest('tr') as HTMLElement
    await expect(within(old).getByText(/^Rolling over: stops .+ → replaced by sk_…qeUS$/)).toBeVisible()
    await userEvent.click(revokeNow)
    await expect(args.onRevoke).toHaveBeenCalledWith(expect.objectContaining({ id: 'key_old' }))
  },
}

/**
 * On a desktop (a table 1150 px wide) the old key's "Rolling over: stops … → replaced by …" takes at
 * most three lines of its Expires cell, not six.
 */
export const RollingOverOnDesktop: Story = {
  globals: { viewport: { value: 'desktop', isRotated: false } },
  render: (args) => (
    <div className="rak-root rak-manager" style={{ width: 1150 }}>
      <div className="rak-table-region">
        <KeysTable {...args} />
      </div>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const sentence = canvas.getByText(/^Rolling over: stops .+ → replaced by sk_…qeUS$/)
    // An inline element has one box per line it takes.
    await expect(sentence.getClientRects().length).toBeLessThanOrEqual(3)
  },
}

/** A revoked key says when it was revoked where its expiry stood, and why, in plain sight. */
export const RevokedKey: Story = {
  play: async ({ canvasElement }) => {
    const row = await findRow(canvasElement, /Contractor access/)
    await expect(within(row).getByText('Revoked 2 weeks ago')).toBeVisible()
    await expect(within(row).getByText('Reason: Contract ended')).toBeVisible()
    await expect(within(row).queryByText(/^in \d+ months$/)).toBeNull()
  },
}

/** A key's name and its Details action both open the details. */
export const OpensDetails: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Details of Contractor access (…Ab12)' }))
    await expect(args.onOpenDetails).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'key_gone' }))
    const row = await findRow(canvasElement, /Contractor access/)
    await userEvent.click(within(row).getByRole('button', { name: 'Contractor access (…Ab12)' }))
    await expect(args.onOpenDetails).toHaveBeenCalledTimes(2)
  },
}

/** German: the same actions, named in German with the last four. */
export const German: Story = {
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const de = deMessages
    await expect(canvas.getByRole('button', { name: de.revokeAction('Production API', 'qeUS') })).toBeVisible()
    await expect(canvas.getByRole('button', { name: de.revokeNowAction('Production API', 'x7Rb') })).toBeVisible()
    await expect(canvas.getByRole('button', { name: de.rollAction('Production API', 'qeUS') })).toBeVisible()
    await expect(canvas.getByText(de.revocationReason('Contract ended'))).toBeVisible()
  },
}

/** The team section shows who created each key: "You" for the signed-in user, else the user id. */
export const TeamCreatedBy: Story = {
  render: () => <TeamApiKeysSection teamId={DEMO_TEAM} />,
  parameters: kit({
    seed: demoKeys(DEMO_TEAM).map((seed, index) => ({ ...seed, createdBy: index === 0 ? DEMO_USER : 'user_other' })),
    teams: [{ id: DEMO_TEAM, displayName: 'Acme Inc.', permissions: ['$manage_api_keys'] }],
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('columnheader', { name: 'Created by' })).toBeVisible()
    await expect(within(await findRow(canvasElement, /Production API/)).getByText('You')).toBeVisible()
    await expect(within(await findRow(canvasElement, /^GitHub Actions/)).getByText('user_other')).toBeVisible()
  },
}
