import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import {
  APIKeysProvider,
  KeyDetailsSheet,
  useAPIKeys,
  type APIKeyResource,
  type KeyDetailsSheetProps,
} from '../../src/index'
import { DAY, USER, setupKit, testQueryClient } from '../helpers/kit'
import { descriptionOf, findOpenedDialog } from './helpers'

/** Loads the user's keys (as the manager's table does) and opens the details of the one named `name`. */
function Harness({ name, ...props }: { name: string } & Partial<KeyDetailsSheetProps>) {
  const { data } = useAPIKeys({ pageSize: 10 })
  const [closed, setClosed] = useState(false)
  // Found by name once, then followed by id (a rename keeps it open).
  const [id, setId] = useState<string>()
  const named = data.find((candidate) => candidate.name === name && !candidate.replacedBy)
  if (id === undefined && named) setId(named.id)
  const key = data.find((candidate) => candidate.id === id) ?? null
  return (
    <>
      <p>{closed ? 'Sheet closed' : 'Sheet open'}</p>
      <KeyDetailsSheet apiKey={closed ? null : key} onClose={() => setClosed(true)} {...props} />
    </>
  )
}

/** What the sheet shows for `term` ("Created by", "Key"...): the text of its line, or null when it has none. */
function fact(sheet: HTMLElement, term: string): string | null {
  const dt = within(sheet)
    .queryAllByRole('term')
    .find((candidate) => candidate.textContent === term)
  return dt?.nextElementSibling?.textContent ?? null
}

/** The sheet's terms ("Name", "Status"...), top to bottom. */
function terms(sheet: HTMLElement): string[] {
  return within(sheet)
    .getAllByRole('term')
    .map((term) => term.textContent ?? '')
}

async function openSheet(name: string): Promise<HTMLElement> {
  return findOpenedDialog('dialog', name)
}

describe('KeyDetailsSheet', () => {
  it('shows the id with Copy, the masked key, status, scopes with descriptions, claims, creator and dates', async () => {
    const created = new Date(Date.now() - 3 * DAY)
    const { wrapper } = setupKit({
      seed: [
        {
          name: 'Deploy',
          subject: USER,
          description: 'Ships builds',
          scopes: ['keys:read', 'legacy:scope'],
          claims: { region: 'eu' },
          createdAt: created,
          createdBy: 'user_bob',
          lastUsedAt: new Date(Date.now() - 5 * 60_000),
          lastFour: 'qeUS',
        },
      ],
    })
    const user = userEvent.setup({ delay: null })
    render(
      <Harness
        name="Deploy"
        availableScopes={[{ value: 'keys:read', label: 'Read keys', description: 'List and view API keys.' }]}
        resolveUser={(id) => (id === 'user_bob' ? 'Bob Builder' : null)}
      />,
      { wrapper },
    )
    const sheet = await openSheet('Deploy')
    expect(descriptionOf(sheet)).toBe('Everything about this key except its secret.')
    const facts = within(sheet)
    expect(fact(sheet, 'Description')).toBe('Ships buildsEdit')
    expect(fact(sheet, 'Key')).toBe('sk_…qeUS')
    expect(fact(sheet, 'Status')).toBe('Active')
    const scopes = within(sheet)
      .getAllByRole('listitem')
      .map((item) => item.textContent)
    // The app's label and description for the scope it offers; the bare value for one it no longer lists.
    expect(scopes).toEqual(['Read keyskeys:readList and view API keys.', 'legacy:scope'])
    expect(JSON.parse(fact(sheet, 'Claims') ?? '')).toEqual({ region: 'eu' })
    expect(fact(sheet, 'Created by')).toBe('Bob Builder')
    const createdTime = sheet.querySelector(`time[datetime="${created.toISOString()}"]`)
    expect(createdTime).not.toBeNull()
    expect(fact(sheet, 'Last used')).toMatch(/\(5 minutes ago\)$/)

    const id = sheet.querySelector('.rak-key-id')?.textContent ?? ''
    expect(id).not.toBe('')
    await user.click(facts.getByRole('button', { name: 'Copy key ID' }))
    expect(await navigator.clipboard.readText()).toBe(id)
    expect(
      within(sheet)
        .getAllByRole('status')
        .map((status) => status.textContent),
    ).toContain('Key ID copied')
  })

  it('names the creator "You" for the signed-in user, and shows a revoked key’s time and reason', async () => {
    const revokedAt = new Date(Date.now() - 2 * DAY)
    const { wrapper } = setupKit({
      seed: [{ name: 'Old', subject: USER, createdBy: USER, revokedAt, revocationReason: 'Leaked in a log' }],
    })
    render(<Harness name="Old" />, { wrapper })
    const sheet = await openSheet('Old')
    expect(fact(sheet, 'Created by')).toBe('You')
    expect(fact(sheet, 'Reason')).toBe('Leaked in a log')
    expect(sheet.querySelector(`time[datetime="${revokedAt.toISOString()}"]`)).not.toBeNull()
    expect(within(sheet).queryByText('Expires')).toBeNull()
    expect(within(sheet).queryByRole('button', { name: 'Revoke' })).toBeNull()
  })

  it('shows why a key was revoked right after its status, the rest in the order of a key in use', async () => {
    const revokedAt = new Date(Date.now() - 2 * DAY)
    const { wrapper } = setupKit({
      seed: [
        { name: 'In use', subject: USER, createdBy: USER, lastUsedAt: new Date(Date.now() - DAY) },
        {
          name: 'Old',
          subject: USER,
          createdBy: USER,
          lastUsedAt: new Date(Date.now() - 3 * DAY),
          revokedAt,
          revokedBy: USER,
          revocationReason: 'Leaked in a log',
        },
      ],
    })
    const inUse = render(<Harness name="In use" />, { wrapper })
    expect(terms(await openSheet('In use'))).toEqual([
      'Name',
      'Description',
      'Key ID',
      'Key',
      'Status',
      'Scopes',
      'Created',
      'Created by',
      'Expires',
      'Last used',
    ])
    inUse.unmount()
    render(<Harness name="Old" />, { wrapper })
    expect(terms(await openSheet('Old'))).toEqual([
      'Name',
      'Description',
      'Key ID',
      'Key',
      'Status',
      'Revoked',
      'Revoked by',
      'Reason',
      'Scopes',
      'Created',
      'Created by',
      'Last used',
    ])
  })

  it('says a key used a moment ago was used "now", not in the future, when its clock lags behind', async () => {
    // The sheet's clock is refreshed once a minute: this use came 90 seconds after its last reading.
    const { wrapper } = setupKit({
      seed: [{ name: 'Busy', subject: USER, lastUsedAt: new Date(Date.now() + 90_000) }],
    })
    render(<Harness name="Busy" />, { wrapper })
    expect(fact(await openSheet('Busy'), 'Last used')).toMatch(/\(now\)$/)
  })

  it('names who revoked a key as it names a creator, and leaves the line out when nobody is known', async () => {
    const revokedAt = new Date(Date.now() - DAY)
    const { wrapper } = setupKit({
      seed: [
        { name: 'Leaked', subject: USER, revokedAt, revokedBy: 'user_bob' },
        { name: 'Mine', subject: USER, revokedAt, revokedBy: USER },
        { name: 'Unknown', subject: USER, revokedAt },
      ],
    })
    const names: Record<string, string> = { user_bob: 'Bob Builder' }
    const view = render(<Harness name="Leaked" resolveUser={(id) => names[id]} />, { wrapper })
    expect(fact(await openSheet('Leaked'), 'Revoked by')).toBe('Bob Builder')
    view.unmount()
    const mine = render(<Harness name="Mine" />, { wrapper })
    expect(fact(await openSheet('Mine'), 'Revoked by')).toBe('You')
    mine.unmount()
    render(<Harness name="Unknown" />, { wrapper })
    const sheet = await openSheet('Unknown')
    expect(fact(sheet, 'Revoked')).not.toBeNull()
    expect(fact(sheet, 'Revoked by')).toBeNull()
  })

  it('renames in place: Enter saves, the title follows, Escape cancels without closing the sheet', async () => {
    const { wrapper, memory } = setupKit({ seed: [{ name: 'Deploy', subject: USER }] })
    const user = userEvent.setup({ delay: null })
    render(<Harness name="Deploy" />, { wrapper })
    let sheet = await openSheet('Deploy')

    await user.click(within(sheet).getByRole('button', { name: 'Edit name' }))
    const field = within(sheet).getByRole('textbox', { name: 'Name' })
    await waitFor(() => expect(document.activeElement).toBe(field))
    await user.keyboard('{Escape}')
    expect(within(sheet).queryByRole('textbox', { name: 'Name' })).toBeNull()
    expect(screen.getByRole('dialog', { name: 'Deploy' }).isConnected).toBe(true)
    expect(fact(sheet, 'Name')).toBe('DeployEdit')
    await waitFor(() => expect(document.activeElement).toBe(within(sheet).getByRole('button', { name: 'Edit name' })))

    await user.click(within(sheet).getByRole('button', { name: 'Edit name' }))
    await user.clear(within(sheet).getByRole('textbox', { name: 'Name' }))
    await user.keyboard('{Enter}')
    const required = await within(sheet).findByText('Name is required.')
    expect(descriptionOf(within(sheet).getByRole('textbox', { name: 'Name' }))).toBe(required.textContent)
    expect(within(sheet).getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBe('true')
    expect(memory.calls.update).toBe(0)

    await user.type(within(sheet).getByRole('textbox', { name: 'Name' }), 'Deploy bot{Enter}')
    sheet = await openSheet('Deploy bot')
    expect(
      within(sheet)
        .getAllByRole('status')
        .map((status) => status.textContent),
    ).toContain('Key “Deploy bot” updated.')
    expect(memory.calls.update).toBe(1)
  })

  it('says a name is taken on the field, keeping what was typed', async () => {
    const onError = vi.fn()
    const { wrapper } = setupKit({
      seed: [
        { name: 'Deploy', subject: USER },
        { name: 'Backup', subject: USER },
      ],
    })
    const user = userEvent.setup({ delay: null })
    render(<Harness name="Deploy" onError={onError} />, { wrapper })
    const sheet = await openSheet('Deploy')
    await user.click(within(sheet).getByRole('button', { name: 'Edit name' }))
    const field = within(sheet).getByRole('textbox', { name: 'Name' })
    await user.clear(field)
    await user.type(field, 'backup{Enter}')
    await waitFor(() =>
      expect(descriptionOf(field)).toBe('An active key named “backup” already exists. Choose another name.'),
    )
    expect((field as HTMLInputElement).value).toBe('backup')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'conflict' }))
  })

  it('offers no Edit button when the backend cannot update keys', async () => {
    const { memory } = setupKit({ seed: [{ name: 'Deploy', subject: USER, description: 'Kept' }] })
    // A backend with list, create and revoke only (as Stack Auth's).
    const fetcher = { list: memory.list, create: memory.create, revoke: memory.revoke }
    render(<Harness name="Deploy" />, {
      wrapper: ({ children }) => (
        <APIKeysProvider fetcher={fetcher} userId={USER} queryClient={testQueryClient()}>
          {children}
        </APIKeysProvider>
      ),
    })
    const sheet = await openSheet('Deploy')
    expect(fact(sheet, 'Description')).toBe('Kept')
    expect(within(sheet).queryByRole('button', { name: 'Edit name' })).toBeNull()
    expect(within(sheet).queryByRole('button', { name: 'Edit description' })).toBeNull()
  })

  it('links a rolled key to its replacement and back', async () => {
    const { wrapper, memory } = setupKit({ seed: [{ name: 'Prod', subject: USER, lastFour: 'AAAA' }] })
    const [old] = (
      await memory.list({
        subject: USER,
        subjectKind: 'user',
        query: '',
        page: 1,
        pageSize: 5,
        signal: new AbortController().signal,
      })
    ).data
    const rolled = await memory.roll?.({
      subject: USER,
      subjectKind: 'user',
      apiKeyId: old?.id ?? '',
      gracePeriodSeconds: 3600,
      signal: new AbortController().signal,
    })
    const replacement = rolled?.replacement as APIKeyResource
    const user = userEvent.setup({ delay: null })
    const onRoll = vi.fn()
    const onRevoke = vi.fn()
    // Opens the old key: the one that names a replacement.
    function OldKey() {
      const { data } = useAPIKeys({ pageSize: 10 })
      return (
        <KeyDetailsSheet
          apiKey={data.find((key) => key.id === old?.id) ?? null}
          onClose={() => undefined}
          onRoll={onRoll}
          onRevoke={onRevoke}
        />
      )
    }
    render(<OldKey />, { wrapper })
    const sheet = await openSheet('Prod')
    // A rolled key can still be revoked, not rolled again.
    expect(within(sheet).queryByRole('button', { name: 'Roll' })).toBeNull()
    await user.click(within(sheet).getByRole('button', { name: 'Revoke' }))
    expect(onRevoke).toHaveBeenCalledWith(expect.objectContaining({ id: old?.id }))

    const masked = `sk_…${replacement.lastFour}`
    await user.click(within(sheet).getByRole('button', { name: `Show details of ${masked}` }))
    await waitFor(() => expect(fact(sheet, 'Replaces')).toBe('sk_…AAAA'))
    expect(fact(sheet, 'Key')).toBe(masked)
    expect(fact(sheet, 'Replaced by')).toBeNull()
    await user.click(within(sheet).getByRole('button', { name: 'Roll' }))
    expect(onRoll).toHaveBeenCalledWith(expect.objectContaining({ id: replacement.id }))
    await user.click(within(sheet).getByRole('button', { name: 'Show details of sk_…AAAA' }))
    await waitFor(() => expect(fact(sheet, 'Replaced by')).toBe(masked))
    expect(fact(sheet, 'Key')).toBe('sk_…AAAA')
  })
})
