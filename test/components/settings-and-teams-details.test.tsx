import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import {
  AccountSettings,
  TeamApiKeysSection,
  isWellFormedApiKey,
  type MemorySeedKey,
  type SubjectKind,
  type TeamInfo,
} from '../../src/index'
import { DAY, ORG, USER, seedKeys, setupKit } from '../helpers/kit'
import { HOUR, cellOf, descriptionOf, findOpenedDialog, rowNamed, rowNames, rowsNamed, statusOf } from './helpers'

const TEAM = 'team_ops'
const TEAMS: TeamInfo[] = [{ id: TEAM, displayName: 'Acme Ops', permissions: ['$manage_api_keys', '$read_members'] }]
const PROFILE_TAB = [{ id: 'profile', label: 'Profile', content: <p>Profile form</p> }]
const NAMES: Record<string, string> = { user_bob: 'Bob Builder' }

/**
 * Five keys of `subject`, newest first: Soon 2 and Soon 1 expire this week, Deploy bot (…abcd) made
 * by `createdBy`, Other, and Idle, never used in 120 days.
 */
function keysOf(subject: string, subjectKind: SubjectKind, createdBy: string): MemorySeedKey[] {
  const now = Date.now()
  const at = (offset: number): Date => new Date(now + offset)
  const owner = { subject, subjectKind, createdBy }
  return [
    { ...owner, name: 'Soon 2', createdAt: at(-5 * DAY), lastUsedAt: at(-DAY), expiration: at(4 * DAY) },
    { ...owner, name: 'Soon 1', createdAt: at(-6 * DAY), lastUsedAt: at(-DAY), expiration: at(2 * DAY) },
    { ...owner, name: 'Deploy bot', lastFour: 'abcd', createdAt: at(-10 * DAY), lastUsedAt: at(-DAY) },
    { ...owner, name: 'Other', createdAt: at(-20 * DAY), lastUsedAt: at(-HOUR) },
    { ...owner, name: 'Idle', createdAt: at(-120 * DAY), lastUsedAt: null },
  ]
}

const ALL_KEYS = ['Soon 2', 'Soon 1', 'Deploy bot', 'Other', 'Idle']

type User = ReturnType<typeof userEvent.setup>

interface Place {
  /** Where the keys are shown, for the test names. */
  where: string
  /** Who "Created by" names Deploy bot's creator as, in its details. */
  creator: string
  /** Renders the place on a fresh backend and goes to its keys; resolves to the element that holds them. */
  show: (user: User) => Promise<HTMLElement>
}

const PLACES: Place[] = [
  {
    where: 'the settings’ API Keys tab',
    creator: 'You',
    show: async (user) => {
      // An organization is active: the tab still manages the user's own keys, and acts on them.
      const { wrapper } = setupKit({
        seed: [...keysOf(USER, 'user', USER), ...seedKeys(ORG, 2, 'Org')],
        provider: { organizationId: ORG },
      })
      render(<AccountSettings tabs={PROFILE_TAB} />, { wrapper })
      await user.click(screen.getByRole('tab', { name: 'API Keys' }))
      const panel = screen.getByRole('tabpanel', { name: 'API Keys' })
      await within(panel).findByRole('rowheader', { name: 'Deploy bot' })
      return panel
    },
  },
  {
    where: 'the team section',
    creator: 'Bob Builder',
    show: async () => {
      // A teammate made these keys, not the signed-in user the backend would record: the seed says so.
      const { wrapper } = setupKit({
        seed: [...keysOf(TEAM, 'team', 'user_bob'), ...seedKeys(USER, 1, 'Mine')],
        provider: { teams: TEAMS },
      })
      render(<TeamApiKeysSection teamId={TEAM} resolveUser={(id) => NAMES[id]} />, { wrapper })
      const section = screen.getByRole('region', { name: 'Acme Ops API keys' })
      await within(section).findByRole('rowheader', { name: 'Deploy bot' })
      return section
    },
  },
]

/** What the sheet shows for `term` ("Created by", "Key"...): the text of its line, or null when it has none. */
function fact(sheet: HTMLElement, term: string): string | null {
  const dt = within(sheet)
    .queryAllByRole('term')
    .find((candidate) => candidate.textContent === term)
  return dt?.nextElementSibling?.textContent ?? null
}

/** Rolls Deploy bot from its row with the default grace period (24 hours); resolves to the new secret. */
async function rollDeployBot(user: User): Promise<string> {
  await user.click(within(rowNamed('Deploy bot')).getByRole('button', { name: 'Roll Deploy bot (…abcd)' }))
  const dialog = await findOpenedDialog('alertdialog', 'Roll “Deploy bot”?')
  expect((within(dialog).getByRole('radio', { name: '24 hours' }) as HTMLInputElement).checked).toBe(true)
  await user.click(within(dialog).getByRole('button', { name: 'Roll key' }))
  const reveal = await findOpenedDialog('alertdialog', 'Save your key “Deploy bot”')
  const secret = (within(reveal).getByRole('textbox', { name: 'API key' }) as HTMLInputElement).value
  expect(isWellFormedApiKey(secret)).toBe(true)
  await user.click(within(reveal).getByRole('checkbox', { name: 'I have saved this key' }))
  await user.click(within(reveal).getByRole('button', { name: 'Done' }))
  await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
  return secret
}

for (const { where, show, creator } of PLACES) {
  describe(`a key’s details, rename, roll and hygiene in ${where}`, () => {
    it('opens the details from the key’s name with focus inside, and gives focus back to the name on close', async () => {
      const user = userEvent.setup({ delay: null })
      const area = await show(user)
      const name = within(area).getByRole('button', { name: 'Deploy bot (…abcd)' })
      await user.click(name)
      const sheet = await findOpenedDialog('dialog', 'Deploy bot')
      await waitFor(() => expect(sheet.contains(document.activeElement)).toBe(true))
      expect(descriptionOf(sheet)).toBe('Everything about this key except its secret.')
      expect(fact(sheet, 'Key')).toBe('sk_…abcd')
      expect(fact(sheet, 'Status')).toBe('Active')
      expect(fact(sheet, 'Created by')).toBe(creator)
      expect(within(sheet).getByRole('button', { name: 'Roll' })).toBeDefined()
      expect(within(sheet).getByRole('button', { name: 'Revoke' })).toBeDefined()

      await user.click(within(sheet).getByRole('button', { name: 'Close' }))
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
      await waitFor(() => expect(document.activeElement).toBe(name))

      // Escape closes it as well, and focus comes back to the same name.
      await user.click(name)
      await findOpenedDialog('dialog', 'Deploy bot')
      await user.keyboard('{Escape}')
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
      await waitFor(() => expect(document.activeElement).toBe(name))
    })

    it('renames in place: a blank name is refused on the field and kept, then a new name shows in the sheet and the table', async () => {
      const user = userEvent.setup({ delay: null })
      await show(user)
      await user.click(screen.getByRole('button', { name: 'Deploy bot (…abcd)' }))
      const sheet = await findOpenedDialog('dialog', 'Deploy bot')

      await user.click(within(sheet).getByRole('button', { name: 'Edit name' }))
      const field = within(sheet).getByRole<HTMLInputElement>('textbox', { name: 'Name' })
      await user.clear(field)
      await user.type(field, '   ')
      await user.click(within(sheet).getByRole('button', { name: 'Save' }))
      const required = await within(sheet).findByText('Name is required.')
      expect(descriptionOf(field)).toBe(required.textContent)
      expect(field.getAttribute('aria-invalid')).toBe('true')
      expect(field.value).toBe('   ')
      // Nothing was saved: the sheet is still open on the key, under its old name, and so is its row.
      expect(screen.getByRole('dialog', { name: 'Deploy bot' })).toBe(sheet)
      expect(rowsNamed('Deploy bot')).toHaveLength(1)

      await user.clear(field)
      await user.type(field, 'Deploy bot (eu)')
      await user.click(within(sheet).getByRole('button', { name: 'Save' }))
      await findOpenedDialog('dialog', 'Deploy bot (eu)')
      expect(fact(sheet, 'Name')).toBe('Deploy bot (eu)Edit')
      expect(
        within(sheet)
          .getAllByRole('status')
          .map((status) => status.textContent),
      ).toContain('Key “Deploy bot (eu)” updated.')
      await waitFor(() => expect(rowNames()).toEqual(['Soon 2', 'Soon 1', 'Deploy bot (eu)', 'Other', 'Idle']))

      await user.click(within(sheet).getByRole('button', { name: 'Close' }))
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
      const renamed = screen.getByRole('button', { name: 'Deploy bot (eu) (…abcd)' })
      await waitFor(() => expect(document.activeElement).toBe(renamed))
      expect(rowsNamed('Deploy bot')).toHaveLength(0)
    })

    it('rolls a key: the old row is rolling over to its replacement, offers Revoke now and no Roll again', async () => {
      const user = userEvent.setup({ delay: null })
      await show(user)
      const secret = await rollDeployBot(user)
      const newFour = secret.slice(-4)
      expect(document.body.innerHTML).not.toContain(secret)

      await waitFor(() => expect(rowsNamed('Deploy bot')).toHaveLength(2))
      const [replacement, previous] = rowsNamed('Deploy bot') as [HTMLElement, HTMLElement]
      expect(cellOf(replacement, 'Key').textContent).toBe(`sk_…${newFour}`)
      expect(statusOf(replacement)).toBe('Active')
      expect(within(replacement).getByRole('button', { name: `Roll Deploy bot (…${newFour})` })).toBeDefined()

      expect(cellOf(previous, 'Key').textContent).toBe('sk_…abcd')
      expect(statusOf(previous)).toBe('Expires soon')
      expect(cellOf(previous, 'Expires').textContent).toMatch(
        new RegExp(`^Rolling over: stops .+ → replaced by sk_…${newFour}$`),
      )
      expect(within(previous).getByRole('button', { name: 'Revoke now: Deploy bot (…abcd)' })).toBeDefined()
      expect(within(previous).queryByRole('button', { name: /^Roll / })).toBeNull()

      // The old key's details say the same, and link to the replacement.
      await user.click(within(previous).getByRole('button', { name: 'Deploy bot (…abcd)' }))
      const sheet = await findOpenedDialog('dialog', 'Deploy bot')
      expect(fact(sheet, 'Key')).toBe('sk_…abcd')
      expect(within(sheet).queryByRole('button', { name: 'Roll' })).toBeNull()
      expect(within(sheet).getByRole('button', { name: 'Revoke now' })).toBeDefined()
      await user.click(within(sheet).getByRole('button', { name: `Show details of sk_…${newFour}` }))
      await waitFor(() => expect(fact(sheet, 'Key')).toBe(`sk_…${newFour}`))
      expect(fact(sheet, 'Replaces')).toBe('sk_…abcd')
      expect(fact(sheet, 'Replaced by')).toBeNull()
      expect(fact(sheet, 'Created by')).toBe(creator)
      expect(within(sheet).getByRole('button', { name: 'Roll' })).toBeDefined()
      expect(within(sheet).getByRole('button', { name: 'Revoke' })).toBeDefined()
    })

    it('narrows the table to the keys a hygiene finding names, and Show all keys lists every key again', async () => {
      const user = userEvent.setup({ delay: null })
      const area = await show(user)
      expect(rowNames()).toEqual(ALL_KEYS)
      const summary = await within(area).findByRole('region', { name: 'Key hygiene' })
      const expiring = within(summary).getByRole('button', { name: '2 keys expire this week' })
      const unused = within(summary).getByRole('button', { name: '1 key unused for 90 days' })
      expect(expiring.getAttribute('aria-pressed')).toBe('false')

      await user.click(expiring)
      await waitFor(() => expect(rowNames()).toEqual(['Soon 2', 'Soon 1']))
      expect(expiring.getAttribute('aria-pressed')).toBe('true')
      expect(within(area).getByText('Showing 1–2 of 2')).toBeDefined()

      await user.click(unused)
      await waitFor(() => expect(rowNames()).toEqual(['Idle']))
      expect(unused.getAttribute('aria-pressed')).toBe('true')
      expect(expiring.getAttribute('aria-pressed')).toBe('false')

      await user.click(within(summary).getByRole('button', { name: 'Show all keys' }))
      await waitFor(() => expect(rowNames()).toEqual(ALL_KEYS))
      expect(within(area).getByText('Showing 1–5 of 5')).toBeDefined()
      expect(unused.getAttribute('aria-pressed')).toBe('false')
      expect(within(summary).queryByRole('button', { name: 'Show all keys' })).toBeNull()
    })
  })
}
