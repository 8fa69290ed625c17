import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { APIKeysManager } from '../../src/index'
import { DAY, USER, countPageRequests, seedKeys, setupKit } from '../helpers/kit'
import { HOUR, MINUTE, cellOf, findOpenedDialog, rowNamed, rowNames, statusOf } from './helpers'

const summary = (): string =>
  within(screen.getByRole('navigation', { name: 'Pages' })).getByText(/^Showing/).textContent ?? ''
const button = (name: string): HTMLButtonElement => screen.getByRole('button', { name }) as HTMLButtonElement
const searchBox = (): HTMLInputElement => screen.getByRole('searchbox', { name: 'Search keys' }) as HTMLInputElement

describe('APIKeysManager: the list', () => {
  it('says it is loading, then shows a table with every column', async () => {
    const now = Date.now()
    const { wrapper } = setupKit({
      latencyMs: 150,
      provider: { locale: 'en-US' },
      seed: [
        {
          name: 'Fresh',
          subject: USER,
          lastFour: 'abcd',
          createdAt: new Date(now - 5 * MINUTE),
          expiration: new Date(now + 30 * DAY),
          lastUsedAt: new Date(now - 2 * HOUR),
        },
        {
          name: 'Soon',
          subject: USER,
          createdAt: new Date(now - 10 * DAY),
          expiration: new Date(now + 2 * DAY + HOUR),
        },
        { name: 'Old', subject: USER, createdAt: new Date(now - 100 * DAY), expiration: new Date(now - DAY - HOUR) },
        {
          name: 'Gone',
          subject: USER,
          createdAt: new Date(now - 200 * DAY),
          revokedAt: new Date(now - DAY),
          revocationReason: 'Rotated',
        },
      ],
    })
    render(<APIKeysManager />, { wrapper })
    expect(screen.getByRole('status').textContent).toBe('Loading API keys…')
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Name',
      'Key',
      'Status',
      'Created',
      'Expires',
      'Last used',
      'Actions',
    ])
    expect(screen.queryAllByRole('rowheader')).toHaveLength(0)

    await screen.findByRole('rowheader', { name: 'Fresh' })
    // The manager's one live region has nothing to say once the list is there.
    expect(screen.getByRole('status').textContent).toBe('')
    expect(screen.getByRole('table', { name: 'API keys' }).getAttribute('aria-busy')).toBeNull()
    expect(rowNames()).toEqual(['Fresh', 'Soon', 'Old', 'Gone'])

    const fresh = rowNamed('Fresh')
    expect(cellOf(fresh, 'Key').textContent).toBe('sk_…abcd')
    expect(statusOf(fresh)).toBe('Active')
    expect(cellOf(fresh, 'Created').textContent).toBe('5 minutes ago')
    expect(cellOf(fresh, 'Expires').textContent).toBe('in 4 weeks')
    expect(cellOf(fresh, 'Last used').textContent).toBe('2 hours ago')
    // Each action names its key to a screen reader and shows a short label.
    expect(within(fresh).getByRole('button', { name: /^Revoke Fresh\b/ }).textContent).toBe('Revoke')
    expect(within(fresh).getByRole('button', { name: /^Roll Fresh\b/ }).textContent).toBe('Roll')

    const soon = rowNamed('Soon')
    expect(statusOf(soon)).toBe('Expires soon')
    expect(cellOf(soon, 'Expires').textContent).toBe('in 2 days')
    expect(cellOf(soon, 'Last used').textContent).toBe('Never')
    expect(within(soon).getByRole('button', { name: /^Revoke Soon\b/ }).textContent).toBe('Revoke')

    const old = rowNamed('Old')
    expect(statusOf(old)).toBe('Expired')
    expect(cellOf(old, 'Expires').textContent).toBe('yesterday')
    expect(within(old).queryByRole('button', { name: /^(Roll|Revoke) / })).toBeNull()

    const gone = rowNamed('Gone')
    expect(statusOf(gone)).toBe('Revoked')
    // A revoked key's expiry means nothing: when it was revoked stands there instead.
    expect(cellOf(gone, 'Expires').textContent).toBe('Revoked yesterday')
    expect(cellOf(gone, 'Last used').textContent).toBe('Never')
    expect(cellOf(gone, 'Status').textContent).toContain('Reason: Rotated')
    expect(within(gone).queryByRole('button', { name: /^(Roll|Revoke) / })).toBeNull()
    expect(summary()).toBe('Showing 1–4 of 4')
  })

  it('pages ten at a time', async () => {
    const { wrapper } = setupKit({ seed: seedKeys(USER, 25) })
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    await screen.findByRole('rowheader', { name: 'Key 25' })
    expect(rowNames()).toHaveLength(10)
    expect(summary()).toBe('Showing 1–10 of 25')
    expect(button('Previous').disabled).toBe(true)
    expect(button('Next').disabled).toBe(false)

    await user.click(button('Next'))
    await screen.findByRole('rowheader', { name: 'Key 15' })
    expect(summary()).toBe('Showing 11–20 of 25')
    expect(rowNames()).toEqual([
      'Key 15',
      'Key 14',
      'Key 13',
      'Key 12',
      'Key 11',
      'Key 10',
      'Key 9',
      'Key 8',
      'Key 7',
      'Key 6',
    ])
    expect(button('Previous').disabled).toBe(false)

    await user.click(button('Next'))
    await screen.findByRole('rowheader', { name: 'Key 5' })
    expect(summary()).toBe('Showing 21–25 of 25')
    expect(rowNames()).toHaveLength(5)
    expect(button('Next').disabled).toBe(true)

    await user.click(button('Previous'))
    await user.click(button('Previous'))
    await screen.findByRole('rowheader', { name: 'Key 25' })
    expect(summary()).toBe('Showing 1–10 of 25')
  })

  it('searches after a pause, with one request, from the first page', async () => {
    const { memory, wrapper } = setupKit({ seed: [...seedKeys(USER, 22, 'Key'), ...seedKeys(USER, 3, 'Prod')] })
    const pageRequests = countPageRequests(memory)
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    await screen.findByRole('rowheader', { name: 'Prod 3' })
    await user.click(button('Next'))
    await waitFor(() => expect(summary()).toBe('Showing 11–20 of 25'))

    const before = pageRequests()
    await user.type(searchBox(), 'PrOd')
    // Nothing is sent while typing.
    expect(pageRequests()).toBe(before)
    await waitFor(() => expect(summary()).toBe('Showing 1–3 of 3'))
    expect(rowNames()).toEqual(['Prod 3', 'Prod 2', 'Prod 1'])
    expect(button('Previous').disabled).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(pageRequests()).toBe(before + 1)
  })

  it('says when a search finds nothing, and Clear search starts over', async () => {
    const { wrapper } = setupKit({ seed: seedKeys(USER, 3) })
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    await screen.findByRole('rowheader', { name: 'Key 3' })
    await user.type(searchBox(), 'zzz')
    expect((await screen.findByText(/^No keys match/)).textContent).toBe('No keys match “zzz”.')
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.queryByText('No API keys yet')).toBeNull()

    await user.click(button('Clear search'))
    expect(searchBox().value).toBe('')
    expect(document.activeElement).toBe(searchBox())
    await screen.findByRole('rowheader', { name: 'Key 3' })
    expect(rowNames()).toEqual(['Key 3', 'Key 2', 'Key 1'])
    expect(screen.queryByText(/No keys match/)).toBeNull()
  })

  it('invites to create the first key when there are none', async () => {
    const { wrapper } = setupKit()
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    const title = await screen.findByText('No API keys yet')
    const emptyState = title.parentElement as HTMLElement
    expect(emptyState.textContent).toContain('Create a key to let scripts and services call the API on your behalf.')
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.queryByRole('navigation', { name: 'Pages' })).toBeNull()
    await user.click(within(emptyState).getByRole('button', { name: 'Create API key' }))
    const dialog = await findOpenedDialog('dialog', 'Create API key')
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toBe(document.activeElement)
  })

  it('filters by status', async () => {
    const now = Date.now()
    const { wrapper } = setupKit({
      seed: [
        ...seedKeys(USER, 3, 'Live'),
        { name: 'Dead 1', subject: USER, revokedAt: new Date(now - HOUR), createdAt: new Date(now - DAY) },
        { name: 'Dead 2', subject: USER, revokedAt: new Date(now - HOUR), createdAt: new Date(now - 2 * DAY) },
        { name: 'Lapsed', subject: USER, expiration: new Date(now - HOUR), createdAt: new Date(now - 3 * DAY) },
      ],
    })
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    await screen.findByRole('rowheader', { name: 'Live 3' })
    expect(rowNames()).toHaveLength(6)
    const status = screen.getByRole('combobox', { name: 'Status' })
    expect([...status.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'All',
      'Active',
      'Expired',
      'Revoked',
    ])

    await user.selectOptions(status, 'Revoked')
    await waitFor(() => expect(rowNames()).toEqual(['Dead 1', 'Dead 2']))
    expect(summary()).toBe('Showing 1–2 of 2')

    await user.selectOptions(status, 'Expired')
    await waitFor(() => expect(rowNames()).toEqual(['Lapsed']))

    await user.selectOptions(status, 'Active')
    await waitFor(() => expect(rowNames()).toEqual(['Live 3', 'Live 2', 'Live 1']))

    await user.selectOptions(status, 'All')
    await waitFor(() => expect(rowNames()).toHaveLength(6))
  })

  it('says when no key has the chosen status', async () => {
    const { wrapper } = setupKit({ seed: seedKeys(USER, 2) })
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    await screen.findByRole('rowheader', { name: 'Key 2' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Revoked')
    expect((await screen.findByText(/^No keys have/)).textContent).toBe('No keys have this status.')
    expect(screen.queryByText('No API keys yet')).toBeNull()
  })

  it('explains a failed load and recovers on Retry', async () => {
    const { memory, wrapper } = setupKit({ seed: seedKeys(USER, 2) })
    memory.failNext('network', { methods: ['list'] })
    const pageRequests = countPageRequests(memory)
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The API keys could not be loaded.')
    expect(alert.textContent).toContain('Could not reach the server. Check your connection and try again.')
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.queryByText('No API keys yet')).toBeNull()

    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await screen.findByRole('rowheader', { name: 'Key 2' })
    expect(rowNames()).toEqual(['Key 2', 'Key 1'])
    expect(screen.queryByRole('alert')).toBeNull()
    expect(pageRequests()).toBe(2)
  })
})
