import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import {
  APIKeysProvider,
  KeyDetailsSheet,
  useAPIKeys,
  type APIKeyResource,
  type ApiKeysFetcher,
  type FetcherSupports,
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

/** The harness opening the key named `name`, on a backend of the test's own (not the kit's memory one). */
function renderOn(fetcher: ApiKeysFetcher & FetcherSupports, name: string): void {
  render(<Harness name={name} />, {
    wrapper: ({ children }) => (
      <APIKeysProvider fetcher={fetcher} userId={USER} queryClient={testQueryClient()}>
        {children}
      </APIKeysProvider>
    ),
  })
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

  it('offers neither Roll nor Revoke for an expired key, as its table row does not', async () => {
    const { wrapper } = setupKit({
      seed: [
        {
          name: 'Old',
          subject: USER,
          createdAt: new Date(Date.now() - 40 * DAY),
          expiration: new Date(Date.now() - DAY),
        },
      ],
    })
    render(<Harness name="Old" onRoll={vi.fn()} onRevoke={vi.fn()} />, { wrapper })
    const sheet = await openSheet('Old')
    expect(fact(sheet, 'Status')).toBe('Expired')
    expect(within(sheet).queryAllByRole('button', { name: /^(Roll|Revoke)/ })).toEqual([])
    expect(within(sheet).getByRole('button', { name: 'Close' })).toBeDefined()
  })

  it('keeps the sheet open while either editor is: Escape cancels the one focused, from its field or buttons', async () => {
    const { wrapper, memory } = setupKit({ seed: [{ name: 'Deploy', subject: USER, description: 'Ships builds' }] })
    const user = userEvent.setup({ delay: null })
    render(<Harness name="Deploy" />, { wrapper })
    const sheet = await openSheet('Deploy')

    // Both open, the name with a draft; the description is cancelled with its button.
    await user.click(within(sheet).getByRole('button', { name: 'Edit name' }))
    await user.type(within(sheet).getByRole('textbox', { name: 'Name' }), ' bot')
    await user.click(within(sheet).getByRole('button', { name: 'Edit description' }))
    const description = within(sheet).getByRole('textbox', { name: 'Description' })
    const descriptionForm = description.closest('form') as HTMLElement
    await user.click(within(descriptionForm).getByRole('button', { name: 'Cancel' }))
    expect(within(sheet).queryByRole('textbox', { name: 'Description' })).toBeNull()
    await waitFor(() =>
      expect(document.activeElement).toBe(within(sheet).getByRole('button', { name: 'Edit description' })),
    )

    // The name is still edited: Escape cancels it, and the sheet stays open.
    const name = within(sheet).getByRole('textbox', { name: 'Name' })
    expect((name as HTMLInputElement).value).toBe('Deploy bot')
    await user.click(name)
    await user.keyboard('{Escape}')
    expect(screen.getByText('Sheet open')).toBeDefined()
    expect(screen.getByRole('dialog', { name: 'Deploy' })).toBe(sheet)
    expect(within(sheet).queryByRole('textbox', { name: 'Name' })).toBeNull()
    expect(fact(sheet, 'Name')).toBe('DeployEdit')

    // Escape on the editor's Save or Cancel button cancels as well, and focus goes back to Edit.
    for (const button of ['Save', 'Cancel']) {
      await user.click(within(sheet).getByRole('button', { name: 'Edit description' }))
      within(sheet).getByRole('button', { name: button }).focus()
      await user.keyboard('{Escape}')
      expect(within(sheet).queryByRole('textbox', { name: 'Description' })).toBeNull()
      expect(screen.getByText('Sheet open')).toBeDefined()
      await waitFor(() =>
        expect(document.activeElement).toBe(within(sheet).getByRole('button', { name: 'Edit description' })),
      )
    }
    expect(memory.calls.update).toBe(0)

    // With no editor open, Escape closes the sheet again.
    await user.keyboard('{Escape}')
    await screen.findByText('Sheet closed')
  })

  it('closes with Escape when opened again after it was closed with an editor open', async () => {
    const { wrapper } = setupKit({ seed: [{ name: 'Deploy', subject: USER }] })
    const user = userEvent.setup({ delay: null })
    function Reopenable() {
      const { data } = useAPIKeys({ pageSize: 10 })
      const [open, setOpen] = useState(true)
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Open details
          </button>
          <KeyDetailsSheet apiKey={open ? (data[0] ?? null) : null} onClose={() => setOpen(false)} />
        </>
      )
    }
    render(<Reopenable />, { wrapper })
    const sheet = await openSheet('Deploy')
    await user.click(within(sheet).getByRole('button', { name: 'Edit name' }))
    await user.click(within(sheet).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    await user.click(screen.getByRole('button', { name: 'Open details' }))
    const again = await openSheet('Deploy')
    expect(within(again).queryByRole('textbox', { name: 'Name' })).toBeNull()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('says so beside the button when the browser refuses to copy the id', async () => {
    const { wrapper } = setupKit({ seed: [{ name: 'Deploy', subject: USER }] })
    const user = userEvent.setup({ delay: null })
    // After setup, which puts its own clipboard in place.
    const writeText = vi
      .spyOn(navigator.clipboard, 'writeText')
      .mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'))
    render(<Harness name="Deploy" />, { wrapper })
    const sheet = await openSheet('Deploy')
    await user.click(within(sheet).getByRole('button', { name: 'Copy key ID' }))
    expect(writeText).toHaveBeenCalledTimes(1)
    expect((await within(sheet).findByRole('alert')).textContent).toBe(
      'Copying was blocked by the browser. Select the key ID and copy it by hand.',
    )
    expect(
      within(sheet)
        .getAllByRole('status')
        .map((status) => status.textContent),
    ).not.toContain('Key ID copied')
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
    // A backend with list, create and revoke only (as Clerk's).
    const fetcher = { list: memory.list, create: memory.create, revoke: memory.revoke }
    renderOn(fetcher, 'Deploy')
    const sheet = await openSheet('Deploy')
    expect(fact(sheet, 'Description')).toBe('Kept')
    expect(within(sheet).queryByRole('button', { name: 'Edit name' })).toBeNull()
    expect(within(sheet).queryByRole('button', { name: 'Edit description' })).toBeNull()
  })

  it('shows no description, to read or edit, when the backend stores none (as Stack Auth’s)', async () => {
    const { memory } = setupKit({ seed: [{ name: 'Deploy', subject: USER }] })
    const { supports: _memorySupports, ...methods } = memory
    const fetcher = { ...methods, supports: { description: false } }
    renderOn(fetcher, 'Deploy')
    const sheet = await openSheet('Deploy')
    expect(terms(sheet)).not.toContain('Description')
    expect(within(sheet).queryByRole('button', { name: 'Edit description' })).toBeNull()
    // The name still is the backend's to change.
    expect(within(sheet).getByRole('button', { name: 'Edit name' })).toBeTruthy()
  })

  it('leaves out the revocation time when the backend does not say when, as the table does', async () => {
    const { memory } = setupKit({
      seed: [{ name: 'Old', subject: USER, revokedAt: new Date(Date.now() - DAY), revocationReason: 'Rotated' }],
    })
    const fetcher = {
      ...memory,
      list: async (params: Parameters<typeof memory.list>[0]) => {
        const page = await memory.list(params)
        return { ...page, data: page.data.map((key) => ({ ...key, revokedAt: null })) }
      },
    }
    renderOn(fetcher, 'Old')
    const sheet = await openSheet('Old')
    expect(fact(sheet, 'Status')).toBe('Revoked')
    expect(terms(sheet)).not.toContain('Revoked')
    expect(fact(sheet, 'Reason')).toBe('Rotated')
  })

  /** A key "Prod" (…AAAA) rolled in the backend with an hour's grace, and a sheet that opens the old key. */
  async function rolledKeySheet(props: Partial<KeyDetailsSheetProps>) {
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
    function OldKey() {
      const { data } = useAPIKeys({ pageSize: 10 })
      return (
        <KeyDetailsSheet apiKey={data.find((key) => key.id === old?.id) ?? null} onClose={() => undefined} {...props} />
      )
    }
    render(<OldKey />, { wrapper })
    return { old, replacement: rolled?.replacement as APIKeyResource }
  }

  it('closes with Escape after a rotation link was followed with an editor open', async () => {
    const onClose = vi.fn()
    const { replacement } = await rolledKeySheet({ onClose })
    const user = userEvent.setup({ delay: null })
    const sheet = await openSheet('Prod')
    await user.click(within(sheet).getByRole('button', { name: 'Edit name' }))
    await user.click(within(sheet).getByRole('button', { name: `Show details of sk_…${replacement.lastFour}` }))
    await waitFor(() => expect(fact(sheet, 'Replaces')).toBe('sk_…AAAA'))
    await user.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('links a rolled key to its replacement and back', async () => {
    const onRoll = vi.fn()
    const onRevoke = vi.fn()
    // Opens the old key: the one that names a replacement.
    const { old, replacement } = await rolledKeySheet({ onRoll, onRevoke })
    const user = userEvent.setup({ delay: null })
    const sheet = await openSheet('Prod')
    // A rolled key can still be revoked, not rolled again: "Revoke now", as its table row says.
    expect(within(sheet).queryByRole('button', { name: 'Roll' })).toBeNull()
    expect(within(sheet).queryByRole('button', { name: 'Revoke' })).toBeNull()
    await user.click(within(sheet).getByRole('button', { name: 'Revoke now' }))
    expect(onRevoke).toHaveBeenCalledWith(expect.objectContaining({ id: old?.id }))

    const masked = `sk_…${replacement.lastFour}`
    await user.click(within(sheet).getByRole('button', { name: `Show details of ${masked}` }))
    await waitFor(() => expect(fact(sheet, 'Replaces')).toBe('sk_…AAAA'))
    expect(fact(sheet, 'Key')).toBe(masked)
    expect(fact(sheet, 'Replaced by')).toBeNull()
    expect(within(sheet).queryByRole('button', { name: 'Revoke now' })).toBeNull()
    expect(within(sheet).getByRole('button', { name: 'Revoke' })).toBeDefined()
    await user.click(within(sheet).getByRole('button', { name: 'Roll' }))
    expect(onRoll).toHaveBeenCalledWith(expect.objectContaining({ id: replacement.id }))
    await user.click(within(sheet).getByRole('button', { name: 'Show details of sk_…AAAA' }))
    await waitFor(() => expect(fact(sheet, 'Replaced by')).toBe(masked))
    expect(fact(sheet, 'Key')).toBe('sk_…AAAA')
  })
})
