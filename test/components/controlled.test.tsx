import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import {
  AccountSettings,
  APIKeysManager,
  isWellFormedApiKey,
  type APIKeyResource,
  type ManagerStatusFilter,
} from '../../src/index'
import { DAY, USER, seedKeys, setupKit } from '../helpers/kit'
import { findOpenedDialog, rowNames } from './helpers'

const summary = (): string =>
  within(screen.getByRole('navigation', { name: 'Pages' })).getByText(/^Showing/).textContent ?? ''
const searchBox = (): HTMLInputElement => screen.getByRole('searchbox', { name: 'Search keys' }) as HTMLInputElement
const statusSelect = (): HTMLSelectElement => screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement

/** 25 active keys ("Key 1" oldest … "Key 25" newest) and 3 revoked ones. */
const seed = [
  ...seedKeys(USER, 25),
  ...seedKeys(USER, 3, 'Gone').map((key) => ({ ...key, revokedAt: new Date(Date.now() - DAY) })),
]

/** The manager's search, status and page kept by the app, as an app keeps them in its URL. */
interface UrlState {
  q: string
  status: ManagerStatusFilter
  page: number
}

/** An app page that keeps the manager's state and can set it from outside (links, the back button). */
function UrlKeptManager({ initial, onChange }: { initial: UrlState; onChange: (state: UrlState) => void }) {
  const [url, setUrl] = useState(initial)
  const go = (next: Partial<UrlState>): void => {
    const state = { ...url, ...next }
    setUrl(state)
    onChange(state)
  }
  return (
    <>
      <nav aria-label="App links">
        <button type="button" onClick={() => go({ status: 'revoked', page: 1 })}>
          Link: revoked keys
        </button>
        <button type="button" onClick={() => go({ q: '', status: 'all', page: 3 })}>
          Link: page 3
        </button>
      </nav>
      <APIKeysManager
        query={url.q}
        onQueryChange={(q) => go({ q })}
        status={url.status}
        onStatusChange={(status) => go({ status })}
        page={url.page}
        onPageChange={(page) => go({ page })}
      />
    </>
  )
}

describe('APIKeysManager: search, status and page kept by the app', () => {
  it('shows the search, status and page the app passes, and follows when the app changes them', async () => {
    const { wrapper } = setupKit({ seed })
    const user = userEvent.setup({ delay: null })
    const urls: UrlState[] = []
    render(
      <UrlKeptManager initial={{ q: 'key 2', status: 'active', page: 2 }} onChange={(state) => urls.push(state)} />,
      { wrapper },
    )

    // "key 2" matches Key 2 and Key 20–25: 7 keys, 10 a page, so page 2 of that does not exist: the list
    // moves to its last page (1) and tells the app.
    await waitFor(() => expect(summary()).toBe('Showing 1–7 of 7'))
    expect(searchBox().value).toBe('key 2')
    expect(statusSelect().value).toBe('active')
    expect(urls.at(-1)).toEqual({ q: 'key 2', status: 'active', page: 1 })

    await user.click(screen.getByRole('button', { name: 'Link: revoked keys' }))
    await waitFor(() => expect(rowNames()).toEqual([]))
    expect(statusSelect().value).toBe('revoked')

    await user.click(screen.getByRole('button', { name: 'Link: page 3' }))
    await waitFor(() => expect(summary(), JSON.stringify(urls)).toBe('Showing 21–28 of 28'))
    expect(searchBox().value).toBe('')
    expect(statusSelect().value).toBe('all')
  })

  it('reports each change to the app, which decides what is shown', async () => {
    const { wrapper } = setupKit({ seed })
    const user = userEvent.setup({ delay: null })
    const onQueryChange = vi.fn()
    const onStatusChange = vi.fn()
    const onPageChange = vi.fn()
    // An app that keeps everything fixed: the manager shows what it is given, whatever the user does.
    render(
      <APIKeysManager
        query=""
        status="all"
        page={1}
        onQueryChange={onQueryChange}
        onStatusChange={onStatusChange}
        onPageChange={onPageChange}
      />,
      { wrapper },
    )
    await waitFor(() => expect(summary()).toBe('Showing 1–10 of 28'))

    await user.click(screen.getByRole('button', { name: 'Next' }))
    expect(onPageChange).toHaveBeenCalledWith(2)
    expect(summary()).toBe('Showing 1–10 of 28')

    await user.selectOptions(statusSelect(), 'revoked')
    expect(onStatusChange).toHaveBeenLastCalledWith('revoked')
    expect(statusSelect().value).toBe('all')

    await user.type(searchBox(), 'x')
    expect(onQueryChange).toHaveBeenLastCalledWith('x')
    expect(searchBox().value).toBe('')
  })

  it('goes back to page 1 on a new search, and tells the app', async () => {
    const { wrapper } = setupKit({ seed })
    const user = userEvent.setup({ delay: null })
    const urls: UrlState[] = []
    render(<UrlKeptManager initial={{ q: '', status: 'all', page: 2 }} onChange={(state) => urls.push(state)} />, {
      wrapper,
    })
    await waitFor(() => expect(summary()).toBe('Showing 11–20 of 28'))

    await user.type(searchBox(), 'key 1')
    expect(urls.at(-1)).toMatchObject({ q: 'key 1' })
    // Key 1 and Key 10–19: 11 keys, shown from the first page once typing pauses.
    await waitFor(() => expect(summary()).toBe('Showing 1–10 of 11'))
    expect(urls.at(-1)).toEqual({ q: 'key 1', status: 'all', page: 1 })

    await user.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(summary()).toBe('Showing 11–11 of 11'))
    expect(urls.at(-1)).toEqual({ q: 'key 1', status: 'all', page: 2 })
  })

  it('still keeps search, status and page itself when the app passes none, and reports them', async () => {
    const { wrapper } = setupKit({ seed })
    const user = userEvent.setup({ delay: null })
    const onStatusChange = vi.fn()
    const onPageChange = vi.fn()
    render(<APIKeysManager onStatusChange={onStatusChange} onPageChange={onPageChange} />, { wrapper })
    await waitFor(() => expect(summary()).toBe('Showing 1–10 of 28'))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(summary()).toBe('Showing 11–20 of 28'))
    expect(onPageChange).toHaveBeenLastCalledWith(2)
    await user.selectOptions(statusSelect(), 'revoked')
    await waitFor(() => expect(summary()).toBe('Showing 1–3 of 3'))
    expect(onStatusChange).toHaveBeenLastCalledWith('revoked')
    expect(onPageChange).toHaveBeenLastCalledWith(1)
  })
})

describe('APIKeysManager: onRoll', () => {
  it('is called with the replacement, without its secret, and the old key', async () => {
    const { wrapper } = setupKit({ seed: [{ name: 'Deploy bot', subject: USER }] })
    const user = userEvent.setup({ delay: null })
    const onRoll = vi.fn<(replacement: APIKeyResource, previous: APIKeyResource) => void>()
    render(<APIKeysManager onRoll={onRoll} />, { wrapper })
    await user.click(await screen.findByRole('button', { name: /^Roll Deploy bot\b/ }))
    await user.click(
      within(screen.getByRole('alertdialog', { name: 'Roll “Deploy bot”?' })).getByRole('button', { name: 'Roll key' }),
    )
    const reveal = await findOpenedDialog('alertdialog', 'Save your key “Deploy bot”')
    const secret = (within(reveal).getByRole('textbox', { name: 'API key' }) as HTMLInputElement).value
    expect(isWellFormedApiKey(secret)).toBe(true)

    expect(onRoll).toHaveBeenCalledTimes(1)
    const [replacement, previous] = onRoll.mock.calls[0] ?? []
    expect(replacement).toMatchObject({ name: 'Deploy bot', lastFour: secret.slice(-4) })
    expect(replacement).not.toHaveProperty('secret')
    expect(previous).toMatchObject({ name: 'Deploy bot' })
    expect(previous?.id).not.toBe(replacement?.id)
    expect(JSON.stringify(onRoll.mock.calls)).not.toContain(secret)
  })
})

describe('AccountSettings: the tab kept by the app', () => {
  const tabs = [
    { id: 'profile', label: 'Profile', content: <p>Your name</p> },
    { id: 'security', label: 'Security', content: <p>Two-factor</p> },
  ]

  it('shows the tab the app passes, reports the user’s choice, and follows the app', async () => {
    const { wrapper } = setupKit({ seed: seedKeys(USER, 1) })
    const user = userEvent.setup({ delay: null })
    const onTabChange = vi.fn()
    const { rerender } = render(<AccountSettings tabs={tabs} tab="security" onTabChange={onTabChange} />, { wrapper })
    expect(screen.getByRole('tab', { name: 'Security' }).getAttribute('aria-selected')).toBe('true')
    expect(screen.getByRole('tabpanel', { name: 'Security' }).textContent).toBe('Two-factor')

    await user.click(screen.getByRole('tab', { name: 'Profile' }))
    expect(onTabChange).toHaveBeenLastCalledWith('profile')
    // The app has not passed the new tab yet: Security stays.
    expect(screen.getByRole('tab', { name: 'Security' }).getAttribute('aria-selected')).toBe('true')

    screen.getByRole('tab', { name: 'Security' }).focus()
    await user.keyboard('{ArrowRight}')
    expect(onTabChange).toHaveBeenLastCalledWith('api-keys')

    rerender(<AccountSettings tabs={tabs} tab="api-keys" onTabChange={onTabChange} />)
    expect(screen.getByRole('tab', { name: 'API Keys' }).getAttribute('aria-selected')).toBe('true')
    await within(screen.getByRole('tabpanel', { name: 'API Keys' })).findByRole('rowheader', { name: 'Key 1' })
    expect(rowNames()).toEqual(['Key 1'])
  })

  it('still keeps the tab itself without `tab`, starting at defaultTab, and reports changes', async () => {
    const { wrapper } = setupKit({ seed: seedKeys(USER, 1) })
    const user = userEvent.setup({ delay: null })
    const onTabChange = vi.fn()
    render(<AccountSettings tabs={tabs} defaultTab="security" onTabChange={onTabChange} />, { wrapper })
    expect(screen.getByRole('tab', { name: 'Security' }).getAttribute('aria-selected')).toBe('true')
    await user.click(screen.getByRole('tab', { name: 'Profile' }))
    expect(screen.getByRole('tab', { name: 'Profile' }).getAttribute('aria-selected')).toBe('true')
    expect(onTabChange).toHaveBeenCalledWith('profile')
  })
})
