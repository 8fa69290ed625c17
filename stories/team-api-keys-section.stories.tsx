import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { TeamApiKeysSection, type MemorySeedKey } from '../src/index'
import { DEMO_TEAM, DEMO_USER, demoKeys } from './support/demo-keys'
import { filterExpiringThisWeek, renameInDetails, rollAndFollowRotation } from './support/key-flows'
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
    await renameInDetails(await findSection(canvasElement), 'Bob Builder', 'Personal key')
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
    await rollAndFollowRotation(await findSection(canvasElement))
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
    await filterExpiringThisWeek(await findSection(canvasElement))
  },
}
