import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import {
  APIKeysManager,
  APIKeysProvider,
  ApiKeysError,
  createMemoryFetcher,
  type ApiKeysFetcher,
  type FetcherSupports,
  type MemorySeedKey,
} from '../../src/index'
import { DAY, USER, seedKeys, testQueryClient } from '../helpers/kit'
import { findOpenedDialog, rowNames } from './helpers'

const HINT = 'Counted among the keys on this page.'

const pages = (): string =>
  within(screen.getByRole('navigation', { name: 'Pages' })).getByText(/^Showing/).textContent ?? ''
const hygiene = (): HTMLElement => screen.getByRole('region', { name: 'Key hygiene' })

/**
 * 25 keys, newest first: 18 recent ones fill page 1 and most of page 2, the 2 expiring this week are
 * the last of page 2, and the 3 unused for 90 days are the last of page 3.
 */
function seed(): MemorySeedKey[] {
  const now = Date.now()
  const at = (offset: number): Date => new Date(now + offset)
  return [
    ...seedKeys(USER, 18, 'Key'),
    { name: 'Soon 2', subject: USER, createdAt: at(-5 * DAY), lastUsedAt: at(-DAY), expiration: at(4 * DAY) },
    { name: 'Soon 1', subject: USER, createdAt: at(-6 * DAY), lastUsedAt: at(-DAY), expiration: at(2 * DAY) },
    { name: 'Busy 2', subject: USER, createdAt: at(-30 * DAY), lastUsedAt: at(-DAY) },
    { name: 'Busy 1', subject: USER, createdAt: at(-31 * DAY), lastUsedAt: at(-DAY) },
    { name: 'Idle 3', subject: USER, createdAt: at(-120 * DAY), lastUsedAt: null },
    { name: 'Idle 2', subject: USER, createdAt: at(-130 * DAY), lastUsedAt: at(-100 * DAY) },
    { name: 'Idle 1', subject: USER, createdAt: at(-140 * DAY), lastUsedAt: null },
  ]
}

/**
 * The manager on the memory backend, with `list` spied on; `stripSupports` makes it a backend without
 * hygiene, `refuseHygiene` one that says it filters but answers a hygiene list 400.
 */
function renderManager(stripSupports: boolean, refuseHygiene = false) {
  const memory = createMemoryFetcher({ seed: seed() })
  const list = vi.fn((params: Parameters<typeof memory.list>[0]) =>
    refuseHygiene && params.hygiene !== undefined
      ? Promise.reject(new ApiKeysError('invalid_input', 'Unknown query parameter. Allowed: subject, query.'))
      : memory.list(params),
  )
  const { supports, ...methods } = memory
  const fetcher: ApiKeysFetcher & FetcherSupports = stripSupports
    ? { ...methods, list }
    : { ...methods, supports, list }
  const queryClient = testQueryClient()
  const wrapper = ({ children }: { children: ReactNode }): ReactNode => (
    <APIKeysProvider fetcher={fetcher} userId={USER} queryClient={queryClient}>
      {children}
    </APIKeysProvider>
  )
  const onError = vi.fn()
  render(<APIKeysManager onError={onError} />, { wrapper })
  return { list, onError, user: userEvent.setup({ delay: null }) }
}

describe('the manager’s hygiene summary on a backend that filters by hygiene', () => {
  it('counts and filters every key, not the page shown', async () => {
    const { user } = renderManager(false)
    await screen.findByRole('rowheader', { name: 'Key 18' })
    // Neither finding is on page 1, yet both are counted from the start.
    const expiring = await within(await screen.findByRole('region', { name: 'Key hygiene' })).findByRole('button', {
      name: '2 keys expire this week',
    })
    expect(within(hygiene()).getByRole('button', { name: '3 keys unused for 90 days' })).toBeDefined()
    expect(hygiene().textContent).not.toContain(HINT)
    expect(pages()).toBe('Showing 1–10 of 25')

    // A finding picked on page 2 narrows the whole list, from its first page.
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(pages()).toBe('Showing 11–20 of 25'))
    await user.click(expiring)
    await waitFor(() => expect(pages()).toBe('Showing 1–2 of 2'))
    expect(rowNames()).toEqual(['Soon 2', 'Soon 1'])
    expect(expiring.getAttribute('aria-pressed')).toBe('true')

    await user.click(within(hygiene()).getByRole('button', { name: '3 keys unused for 90 days' }))
    await waitFor(() => expect(pages()).toBe('Showing 1–3 of 3'))
    expect(rowNames()).toEqual(['Idle 3', 'Idle 2', 'Idle 1'])

    // Toggled off: every key again.
    await user.click(within(hygiene()).getByRole('button', { name: '3 keys unused for 90 days' }))
    await waitFor(() => expect(pages()).toBe('Showing 1–10 of 25'))
    expect(rowNames()).toContain('Key 18')
  })

  it('counts again after a key is revoked', async () => {
    const { user } = renderManager(false)
    const summary = await screen.findByRole('region', { name: 'Key hygiene' })
    await user.click(await within(summary).findByRole('button', { name: '2 keys expire this week' }))
    await waitFor(() => expect(rowNames()).toEqual(['Soon 2', 'Soon 1']))

    await user.click(screen.getByRole('button', { name: /^Revoke Soon 1\b/ }))
    const dialog = await findOpenedDialog('alertdialog', 'Revoke “Soon 1”?')
    await user.click(within(dialog).getByRole('button', { name: 'Revoke key' }))
    await within(hygiene()).findByRole('button', { name: '1 key expires this week' })
    await waitFor(() => expect(rowNames()).toEqual(['Soon 2']))
    expect(pages()).toBe('Showing 1–1 of 1')
    expect(within(hygiene()).getByRole('button', { name: '3 keys unused for 90 days' })).toBeDefined()
  })

  it('counts under the search and status shown, so a finding shows as many keys as it says', async () => {
    const { user } = renderManager(false)
    await within(await screen.findByRole('region', { name: 'Key hygiene' })).findByRole('button', {
      name: '2 keys expire this week',
    })
    // A search that finds one of the two expiring keys and none of the unused ones.
    await user.type(screen.getByRole('searchbox', { name: 'Search keys' }), 'Soon 1')
    const expiring = await within(hygiene()).findByRole('button', { name: '1 key expires this week' })
    expect(within(hygiene()).queryByRole('button', { name: /unused/ })).toBeNull()
    await user.click(expiring)
    await waitFor(() => expect(pages()).toBe('Showing 1–1 of 1'))
    expect(rowNames()).toEqual(['Soon 1'])

    // Revoked keys need no care: under that status nothing is counted, and the summary goes.
    await user.clear(screen.getByRole('searchbox', { name: 'Search keys' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'revoked')
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Key hygiene' })).toBeNull())
  })
})

describe('the manager’s hygiene summary on a backend that cannot filter by hygiene', () => {
  it('counts and filters the page shown, says so, and never sends hygiene', async () => {
    const { list, user } = renderManager(true)
    await screen.findByRole('rowheader', { name: 'Key 18' })
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(pages()).toBe('Showing 11–20 of 25'))
    // Page 2 has the 2 expiring keys; the unused ones are on page 3, so they are not counted here.
    const summary = await screen.findByRole('region', { name: 'Key hygiene' })
    expect(summary.textContent).toContain(HINT)
    const expiring = within(summary).getByRole('button', { name: '2 keys expire this week' })
    expect(within(summary).queryByRole('button', { name: /unused for 90 days$/ })).toBeNull()

    // The page is narrowed in place: the pages stay those of every key.
    await user.click(expiring)
    expect(rowNames()).toEqual(['Soon 2', 'Soon 1'])
    expect(pages()).toBe('Showing 11–20 of 25')

    await user.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(pages()).toBe('Showing 21–25 of 25'))
    expect(within(hygiene()).getByRole('button', { name: '3 keys unused for 90 days' })).toBeDefined()
    expect(within(hygiene()).queryByRole('button', { name: /expires? this week$/ })).toBeNull()

    expect(list).toHaveBeenCalled()
    for (const [params] of list.mock.calls) expect(params).not.toHaveProperty('hygiene')
  })
})

describe('the manager’s hygiene summary when the backend refuses the hygiene filter', () => {
  it('says the findings could not be counted, tells onError, and still lists every key', async () => {
    const { onError } = renderManager(false, true)
    await screen.findByRole('rowheader', { name: 'Key 18' })
    expect(await screen.findByText('Keys that expire soon or go unused could not be counted.')).toBeDefined()
    expect(screen.queryByRole('region', { name: 'Key hygiene' })).toBeNull()
    expect(pages()).toBe('Showing 1–10 of 25')
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid_input' })))
  })
})
