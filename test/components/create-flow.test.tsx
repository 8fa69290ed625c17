import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { describe, expect, it, vi } from 'vitest'
import {
  APIKeysManager,
  APIKeysProvider,
  isWellFormedApiKey,
  type APIKeyResource,
  type ApiKeysFetcher,
  type CreateKeyParams,
  type FetcherSupports,
} from '../../src/index'
import { DAY, USER, cacheText, seedKeys, setupKit } from '../helpers/kit'
import { cellOf, descriptionOf, fieldValues, findOpenedDialog, rowNamed, statusOf, storageText } from './helpers'

const longDate = (date: Date): string => new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(date)
const localDay = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`

function readBlob(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error('no blob'))
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsText(blob)
  })
}

async function listAll(memory: ReturnType<typeof setupKit>['memory']): Promise<APIKeyResource[]> {
  const page = await memory.list({
    subject: USER,
    subjectKind: 'user',
    query: '',
    page: 1,
    pageSize: 100,
    signal: new AbortController().signal,
  })
  return page.data
}

/** Opens the dialog from the toolbar button (the first "Create API key"; an empty list has a second one). */
async function openCreateDialog(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  const [toolbarButton] = screen.getAllByRole('button', { name: 'Create API key' })
  await user.click(toolbarButton as HTMLElement)
  return screen.getByRole('dialog', { name: 'Create API key' })
}

/**
 * Renders `manager` on the memory backend stripped to list, create and revoke, saying it lacks what
 * `supports` says; returns the create calls it is sent, and a user to act with.
 */
function renderOnBackendWithout(supports: FetcherSupports['supports'], manager: ReactElement) {
  const { memory, wrapper } = setupKit()
  const sent: CreateKeyParams[] = []
  const fetcher: ApiKeysFetcher & FetcherSupports = {
    list: memory.list,
    revoke: memory.revoke,
    create: (params) => {
      sent.push(params)
      return memory.create(params)
    },
    supports,
  }
  render(manager, {
    wrapper: ({ children }) =>
      wrapper({
        children: (
          <APIKeysProvider fetcher={fetcher} userId={USER}>
            {children}
          </APIKeysProvider>
        ),
      }),
  })
  return { sent, user: userEvent.setup({ delay: null }) }
}

describe('APIKeysManager: creating a key', () => {
  it('validates, creates once, reveals the secret once, then forgets it', async () => {
    const onCreate = vi.fn()
    const { memory, queryClient, wrapper } = setupKit({ seed: seedKeys(USER, 2), provider: { locale: 'en-US' } })
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager onCreate={onCreate} />, { wrapper })
    await screen.findByText('Key 2')

    const dialog = await openCreateDialog(user)
    const name = within(dialog).getByRole('textbox', { name: 'Name' })
    const description = within(dialog).getByRole('textbox', { name: 'Description (optional)' })
    const submit = within(dialog).getByRole('button', { name: 'Create key' })

    // Empty name: explained once, next to the field, focus on it, nothing sent.
    await user.click(submit)
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(descriptionOf(name)).toBe('Name is required.')
    expect(within(dialog).queryByRole('alert')).toBeNull()
    expect(document.activeElement).toBe(name)
    expect(memory.calls.create).toBe(0)

    await user.type(name, 'CI deploy')
    expect(name.getAttribute('aria-invalid')).toBeNull()
    await user.type(description, 'Used by the release pipeline')

    // Expiration: presets change the caption; Never says so.
    const expiration = within(dialog).getByRole('combobox', { name: 'Expiration' })
    expect((expiration as HTMLSelectElement).value).toBe('30')
    expect(descriptionOf(expiration)).toBe(`Expires on ${longDate(new Date(Date.now() + 30 * DAY))}`)
    await user.selectOptions(expiration, '7 days')
    expect(descriptionOf(expiration)).toBe(`Expires on ${longDate(new Date(Date.now() + 7 * DAY))}`)
    await user.selectOptions(expiration, 'Never')
    expect(descriptionOf(expiration)).toBe('Never expires')
    expect(within(dialog).queryByText(/^Expires on/)).toBeNull()

    // A custom date in the past is refused before anything is sent.
    await user.selectOptions(expiration, 'Custom date')
    const customDate = within(dialog).getByLabelText('Expiration date')
    await user.type(customDate, '2020-01-15')
    expect((customDate as HTMLInputElement).value).toBe('2020-01-15')
    await user.click(submit)
    expect(customDate.getAttribute('aria-invalid')).toBe('true')
    expect(descriptionOf(customDate)).toContain('Expiration date must be in the future.')
    expect(memory.calls.create).toBe(0)

    // A future custom date is accepted and shown in the caption.
    const inTenDays = new Date(Date.now() + 10 * DAY)
    await user.clear(customDate)
    await user.type(customDate, localDay(inTenDays))
    const midnight = new Date(inTenDays.getFullYear(), inTenDays.getMonth(), inTenDays.getDate())
    expect(descriptionOf(customDate)).toBe(`Expires on ${longDate(midnight)}`)

    // Pending: "Creating…", focus kept on the button that ignores presses, and a double submit creates one key.
    memory.setLatency(150)
    await user.dblClick(submit)
    expect(submit.textContent).toBe('Creating…')
    expect(submit.getAttribute('aria-disabled')).toBe('true')
    expect(document.activeElement).toBe(submit)
    await user.keyboard('{Escape}')
    expect(screen.getByRole('dialog', { name: 'Create API key' })).toBe(dialog)

    const reveal = await findOpenedDialog('alertdialog', 'Save your key “CI deploy”')
    expect(memory.calls.create).toBe(1)
    memory.setLatency(0)
    expect(screen.queryByRole('dialog', { name: 'Create API key' })).toBeNull()

    const secretField = within(reveal).getByRole('textbox', { name: 'API key' }) as HTMLInputElement
    const secret = secretField.value
    expect(isWellFormedApiKey(secret)).toBe(true)
    expect(secretField.readOnly).toBe(true)

    // Escape does not close it; Done waits for the checkbox.
    await user.keyboard('{Escape}')
    expect(screen.getByRole('alertdialog', { name: 'Save your key “CI deploy”' })).toBe(reveal)
    const done = within(reveal).getByRole('button', { name: 'Done' }) as HTMLButtonElement
    expect(done.disabled).toBe(true)
    await user.click(within(reveal).getByRole('checkbox', { name: 'I have saved this key' }))
    expect(done.disabled).toBe(false)
    await user.click(done)
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())

    // The secret is gone from the page, the cache and storage.
    expect(document.body.innerHTML).not.toContain(secret)
    expect(fieldValues()).not.toContain(secret)
    expect(cacheText(queryClient)).not.toContain(secret)
    expect(storageText()).not.toContain(secret)

    // The new key is listed, and focus is back on the button that started it all.
    const row = await waitFor(() => rowNamed('CI deploy'))
    expect(within(row).getByRole('rowheader').textContent).toContain('Used by the release pipeline')
    expect(cellOf(row, 'Key').textContent).toBe(`sk_…${secret.slice(-4)}`)
    expect(statusOf(row)).toBe('Active')
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Create API key' })))
    expect(cacheText(queryClient)).not.toContain(secret)

    expect(onCreate).toHaveBeenCalledTimes(1)
    const created = onCreate.mock.calls[0]?.[0] as APIKeyResource
    expect(created).toMatchObject({ name: 'CI deploy', description: 'Used by the release pipeline', subject: USER })
    expect(created).not.toHaveProperty('secret')
    expect(JSON.stringify(created)).not.toContain(secret)
    // Sent as seconds from now, so the stored time is that midnight give or take the request's second.
    expect(Math.abs((created.expiration?.getTime() ?? 0) - midnight.getTime())).toBeLessThan(2000)
  })

  it('sends the chosen preset as the key’s expiration', async () => {
    const { memory, wrapper } = setupKit()
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    await screen.findByText('No API keys yet')
    const dialog = await openCreateDialog(user)
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Weekly')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Expiration' }), '7 days')
    const before = Date.now()
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))
    await findOpenedDialog('alertdialog', 'Save your key “Weekly”')
    const [key] = await listAll(memory)
    const expires = key?.expiration?.getTime() ?? 0
    expect(expires).toBeGreaterThanOrEqual(before + 7 * DAY - 1000)
    expect(expires).toBeLessThanOrEqual(Date.now() + 7 * DAY)
  })

  it('copies the secret and offers it as a .env download', async () => {
    const { wrapper } = setupKit()
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    await screen.findByText('No API keys yet')
    const dialog = await openCreateDialog(user)
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Copy me')
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))
    const reveal = await findOpenedDialog('alertdialog', 'Save your key “Copy me”')
    const secret = (within(reveal).getByRole('textbox', { name: 'API key' }) as HTMLInputElement).value

    // The one-time warning is a visible callout; Done says why it is disabled.
    expect(within(reveal).getByRole('note').textContent).toMatch(/only time the key is shown/)
    const done = within(reveal).getByRole('button', { name: 'Done' })
    expect(descriptionOf(done)).toBe('Tick “I have saved this key” first.')
    // …in words shown in the dialog, not only to a screen reader.
    const why = within(reveal).getByText('Tick “I have saved this key” first.')
    expect(done.getAttribute('aria-describedby')).toBe(why.id)

    await user.click(within(reveal).getByRole('button', { name: 'Copy' }))
    // "Copied" is said once, by the status line; the button keeps its name.
    expect(within(reveal).getByRole('status').textContent).toBe('Copied')
    expect(within(reveal).queryByRole('button', { name: 'Copied' })).toBeNull()
    expect(within(reveal).getAllByText('Copied')).toHaveLength(1)
    expect(await navigator.clipboard.readText()).toBe(secret)

    // jsdom has no object URLs: capture the blob the button would download.
    const blobs: Blob[] = []
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      value: (blob: Blob) => (blobs.push(blob), 'blob:test'),
    })
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined })
    const names: string[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download)
    })
    try {
      await user.click(within(reveal).getByRole('button', { name: 'Download .env' }))
      expect(click).toHaveBeenCalledTimes(1)
      // A real file name from the key's name, not ".env" (which browsers save as "env.txt").
      expect(names).toEqual(['copy-me.env'])
      expect(blobs).toHaveLength(1)
      expect(await readBlob(blobs[0])).toBe(`API_KEY=${secret}\n`)
      expect(document.querySelector('a[download]')).toBeNull()
    } finally {
      Reflect.deleteProperty(URL, 'createObjectURL')
      Reflect.deleteProperty(URL, 'revokeObjectURL')
    }
  })

  it('offers scopes only when availableScopes is given, and sends the chosen ones', async () => {
    const first = setupKit()
    const user = userEvent.setup({ delay: null })
    const { unmount } = render(<APIKeysManager />, { wrapper: first.wrapper })
    await screen.findByText('No API keys yet')
    let dialog = await openCreateDialog(user)
    expect(within(dialog).queryByRole('group', { name: /Scopes/ })).toBeNull()
    expect(within(dialog).queryAllByRole('checkbox')).toHaveLength(0)
    unmount()

    const { memory, wrapper } = setupKit()
    render(<APIKeysManager availableScopes={['keys:read', 'keys:write', 'billing']} />, { wrapper })
    await screen.findByText('No API keys yet')
    dialog = await openCreateDialog(user)
    const scopes = within(dialog).getByRole('group', { name: 'Scopes (optional)' })
    expect(
      within(scopes)
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent),
    ).toEqual(['keys:read', 'keys:write', 'billing'])
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Scoped')
    await user.click(within(scopes).getByRole('checkbox', { name: 'keys:write' }))
    await user.click(within(scopes).getByRole('checkbox', { name: 'billing' }))
    await user.click(within(scopes).getByRole('checkbox', { name: 'billing' }))
    await user.click(within(scopes).getByRole('checkbox', { name: 'keys:read' }))
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))
    await findOpenedDialog('alertdialog', 'Save your key “Scoped”')
    const [key] = await listAll(memory)
    expect(key?.name).toBe('Scoped')
    expect([...(key?.scopes ?? [])].sort()).toEqual(['keys:read', 'keys:write'])
  })

  it('offers no scopes when the Provider’s backend stores none (supports.scopes false), even with availableScopes', async () => {
    const { sent, user } = renderOnBackendWithout(
      { scopes: false },
      <APIKeysManager availableScopes={['keys:read', 'keys:write']} />,
    )
    await screen.findByText('No API keys yet')
    const dialog = await openCreateDialog(user)
    expect(within(dialog).queryByRole('group', { name: /Scopes/ })).toBeNull()
    expect(within(dialog).queryAllByRole('checkbox')).toHaveLength(0)
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Unscoped')
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))
    await findOpenedDialog('alertdialog', 'Save your key “Unscoped”')
    expect(sent.map((params) => params.scopes)).toEqual([[]])
  })

  it('asks for no description when the backend stores none (supports.description false, as Stack Auth’s) and sends none', async () => {
    const { sent, user } = renderOnBackendWithout({ description: false }, <APIKeysManager />)
    await screen.findByText('No API keys yet')
    const dialog = await openCreateDialog(user)
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toBeTruthy()
    expect(within(dialog).queryByRole('textbox', { name: /Description/ })).toBeNull()
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Labelled once')
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))
    await findOpenedDialog('alertdialog', 'Save your key “Labelled once”')
    expect(sent.map((params) => params.description)).toEqual([null])
  })
})
