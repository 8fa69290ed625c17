import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { AccountSettings, TeamApiKeysSection, type TeamInfo } from '../../src/index'
import { ORG, USER, seedKeys, setupKit } from '../helpers/kit'
import { cellOf, rowNamed, rowNames } from './helpers'

const PROFILE_TAB = [{ id: 'profile', label: 'Profile', content: <p>Profile form</p> }]

const tab = (name: string): HTMLElement => screen.getByRole('tab', { name })
const selected = (name: string): boolean => tab(name).getAttribute('aria-selected') === 'true'

describe('AccountSettings', () => {
  it('is a keyboard tab list whose API Keys tab shows the user’s own keys, even in an organization', async () => {
    const { memory, wrapper } = setupKit({
      seed: [...seedKeys(USER, 2, 'Mine'), ...seedKeys(ORG, 2, 'Org')],
      provider: { organizationId: ORG },
    })
    const user = userEvent.setup({ delay: null })
    render(<AccountSettings tabs={PROFILE_TAB} />, { wrapper })

    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Account settings')
    const tablist = screen.getByRole('tablist', { name: 'Settings' })
    expect(
      within(tablist)
        .getAllByRole('tab')
        .map((one) => one.textContent),
    ).toEqual(['Profile', 'API Keys'])
    expect(selected('Profile')).toBe(true)
    expect(selected('API Keys')).toBe(false)
    expect(tab('Profile').tabIndex).toBe(0)
    expect(tab('API Keys').tabIndex).toBe(-1)
    expect(screen.getByRole('tabpanel', { name: 'Profile' }).textContent).toBe('Profile form')
    expect(memory.calls.list).toBe(0)

    // Tab into the list, then ArrowRight.
    await user.tab()
    expect(document.activeElement).toBe(tab('Profile'))
    await user.keyboard('{ArrowRight}')
    expect(selected('API Keys')).toBe(true)
    expect(selected('Profile')).toBe(false)
    expect(document.activeElement).toBe(tab('API Keys'))
    const panel = screen.getByRole('tabpanel', { name: 'API Keys' })
    expect(screen.queryByText('Profile form')).toBeNull()
    await within(panel).findByRole('rowheader', { name: 'Mine 2' })
    expect(rowNames()).toEqual(['Mine 2', 'Mine 1'])
    expect(within(panel).queryByText('Org 1')).toBeNull()

    await user.keyboard('{Home}')
    expect(selected('Profile')).toBe(true)
    expect(document.activeElement).toBe(tab('Profile'))
    await user.keyboard('{End}')
    expect(selected('API Keys')).toBe(true)
    expect(document.activeElement).toBe(tab('API Keys'))
    // Arrows wrap around.
    await user.keyboard('{ArrowRight}')
    expect(selected('Profile')).toBe(true)
    await user.keyboard('{ArrowLeft}')
    expect(selected('API Keys')).toBe(true)
    expect(document.activeElement).toBe(tab('API Keys'))

    // Clicking works too.
    await user.click(tab('Profile'))
    expect(selected('Profile')).toBe(true)
    expect(screen.getByRole('tabpanel').textContent).toBe('Profile form')
  })

  it('opens on defaultTab', async () => {
    const { wrapper } = setupKit({ seed: seedKeys(USER, 1, 'Mine') })
    render(<AccountSettings tabs={PROFILE_TAB} defaultTab="api-keys" fullPage />, { wrapper })
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Account settings')
    expect(selected('API Keys')).toBe(true)
    await within(screen.getByRole('tabpanel', { name: 'API Keys' })).findByRole('rowheader', { name: 'Mine 1' })
  })

  it('hides the API Keys tab when asked', () => {
    const { memory, wrapper } = setupKit({ seed: seedKeys(USER, 1, 'Mine') })
    render(<AccountSettings tabs={PROFILE_TAB} hideApiKeysTab />, { wrapper })
    expect(screen.getAllByRole('tab').map((one) => one.textContent)).toEqual(['Profile'])
    expect(screen.queryByRole('tab', { name: 'API Keys' })).toBeNull()
    expect(screen.getByRole('tabpanel').textContent).toBe('Profile form')
    expect(memory.calls.list).toBe(0)
  })
})

describe('TeamApiKeysSection', () => {
  const TEAMS: TeamInfo[] = [
    { id: 'team_ops', displayName: 'Acme Ops', permissions: ['$manage_api_keys', '$read_members'] },
    { id: 'team_view', displayName: 'Viewers', permissions: ['$read_members'] },
  ]
  const seed = [...seedKeys(USER, 1, 'Mine'), ...seedKeys('team_ops', 2, 'Ops'), ...seedKeys('team_view', 1, 'View')]

  it('renders nothing for a team the user is not in or may not manage', async () => {
    const { memory, wrapper } = setupKit({ seed, provider: { teams: TEAMS } })
    const missing = render(<TeamApiKeysSection teamId="team_other" />, { wrapper })
    expect(missing.container.innerHTML).toBe('')
    missing.unmount()
    const viewer = render(<TeamApiKeysSection teamId="team_view" />, { wrapper })
    expect(viewer.container.innerHTML).toBe('')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(viewer.container.innerHTML).toBe('')
    expect(memory.calls.list).toBe(0)
  })

  it('renders nothing without teams in the Provider', () => {
    const { wrapper } = setupKit({ seed })
    const { container } = render(<TeamApiKeysSection teamId="team_ops" />, { wrapper })
    expect(container.innerHTML).toBe('')
  })

  it('shows the team’s name and keys to a member who may manage them', async () => {
    const { wrapper } = setupKit({ seed, provider: { teams: TEAMS } })
    render(<TeamApiKeysSection teamId="team_ops" />, { wrapper })
    const section = screen.getByRole('region', { name: 'Acme Ops API keys' })
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Acme Ops API keys')
    await within(section).findByRole('rowheader', { name: 'Ops 2' })
    expect(rowNames()).toEqual(['Ops 2', 'Ops 1'])
    expect(screen.queryByText('Mine 1')).toBeNull()
  })

  it('names each key’s creator in its "Created by" column as its details do, with the app’s resolveUser', async () => {
    const team = (name: string, createdBy: string) =>
      seedKeys('team_ops', 1, name).map((key) => ({ ...key, createdBy }))
    const { wrapper } = setupKit({
      seed: [
        ...team('By Bob', 'user_bob'),
        ...team('By me', USER),
        ...team('By Carol', 'user_carol'),
        ...team('By team', 'team_ops'),
      ],
      provider: { teams: TEAMS },
    })
    const names: Record<string, string> = { user_bob: 'Bob Builder' }
    const user = userEvent.setup({ delay: null })
    render(<TeamApiKeysSection teamId="team_ops" resolveUser={(id) => names[id]} />, { wrapper })
    await screen.findByRole('rowheader', { name: 'By Bob 1' })
    expect(screen.getByRole('columnheader', { name: 'Created by' })).toBeDefined()
    const createdBy = (name: string) => cellOf(rowNamed(name), 'Created by').textContent
    expect(createdBy('By Bob 1')).toBe('Bob Builder')
    expect(createdBy('By me 1')).toBe('You')
    expect(createdBy('By Carol 1')).toBe('user_carol')
    expect(createdBy('By team 1')).toBe('Acme Ops')

    // The details of the same key name its creator the same way.
    await user.click(screen.getByRole('button', { name: /^Details of By Bob 1\b/ }))
    const sheet = await screen.findByRole('dialog', { name: 'By Bob 1' })
    const term = within(sheet)
      .getAllByRole('term')
      .find((candidate) => candidate.textContent === 'Created by')
    expect(term?.nextElementSibling?.textContent).toBe('Bob Builder')
  })
})
