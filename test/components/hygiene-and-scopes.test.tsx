import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { APIKeysManager, HygieneSummary, type APIKeyResource, type HygieneFilter } from '../../src/index'
import { DAY, USER, setupKit } from '../helpers/kit'
import { descriptionOf, findOpenedDialog, rowNames } from './helpers'

function key(fields: Partial<APIKeyResource>): APIKeyResource {
  const createdAt = new Date(Date.now() - 10 * DAY)
  return {
    id: `key_${Math.random().toString(36).slice(2)}`,
    type: 'api_key',
    name: 'Key',
    subject: USER,
    description: null,
    claims: null,
    scopes: [],
    createdAt,
    createdBy: null,
    updatedAt: createdAt,
    expiration: null,
    expired: false,
    revoked: false,
    revokedAt: null,
    revocationReason: null,
    lastUsedAt: new Date(Date.now() - DAY),
    prefix: 'sk_',
    lastFour: 'abcd',
    ...fields,
  }
}

const KEYS = [
  key({ name: 'Soon 1', expiration: new Date(Date.now() + 2 * DAY) }),
  key({ name: 'Soon 2', expiration: new Date(Date.now() + 6 * DAY) }),
  key({ name: 'Idle', lastUsedAt: null, createdAt: new Date(Date.now() - 120 * DAY) }),
  key({ name: 'Busy' }),
]

describe('HygieneSummary', () => {
  it('counts what needs a look among the loaded keys, each a toggle that filters', async () => {
    const onFilterChange = vi.fn()
    function Harness() {
      const [filter, setFilter] = useState<HygieneFilter | null>(null)
      return (
        <HygieneSummary
          keys={KEYS}
          filter={filter}
          onFilterChange={(next) => {
            onFilterChange(next)
            setFilter(next)
          }}
        />
      )
    }
    const user = userEvent.setup({ delay: null })
    render(<Harness />, { wrapper: setupKit().wrapper })
    const summary = screen.getByRole('region', { name: 'Key hygiene' })
    expect(summary.textContent).toContain('Counted among the keys on this page.')
    const expiring = within(summary).getByRole('button', { name: '2 keys expire this week' })
    const unused = within(summary).getByRole('button', { name: '1 key unused for 90 days' })
    expect(expiring.getAttribute('aria-pressed')).toBe('false')

    await user.click(unused)
    expect(onFilterChange).toHaveBeenLastCalledWith('unused')
    expect(unused.getAttribute('aria-pressed')).toBe('true')
    await user.click(within(summary).getByRole('button', { name: 'Show all keys' }))
    expect(onFilterChange).toHaveBeenLastCalledWith(null)
    expect(within(summary).queryByRole('button', { name: 'Show all keys' })).toBeNull()
  })

  it('shows the counts it is given, over every key, without the page hint', () => {
    render(
      <HygieneSummary
        keys={[key({})]}
        counts={{ 'expiring-this-week': 4, unused: 0 }}
        filter={null}
        onFilterChange={() => undefined}
      />,
      { wrapper: setupKit().wrapper },
    )
    const summary = screen.getByRole('region', { name: 'Key hygiene' })
    expect(within(summary).getByRole('button', { name: '4 keys expire this week' })).toBeDefined()
    expect(within(summary).queryByRole('button', { name: /unused for 90 days$/ })).toBeNull()
    expect(summary.textContent).not.toContain('Counted among the keys on this page.')
  })

  it('shows nothing when no key needs a look', () => {
    render(<HygieneSummary keys={[key({})]} filter={null} onFilterChange={() => undefined} />, {
      wrapper: setupKit().wrapper,
    })
    expect(screen.queryByRole('region', { name: 'Key hygiene' })).toBeNull()
  })
})

describe('the manager’s hygiene summary', () => {
  it('filters the table to a finding, and a new search shows every key again', async () => {
    const now = Date.now()
    const { wrapper } = setupKit({
      seed: [
        { name: 'Idle importer', subject: USER, createdAt: new Date(now - 120 * DAY), lastUsedAt: null },
        { name: 'Soon gone', subject: USER, createdAt: new Date(now - 5 * DAY), expiration: new Date(now + 2 * DAY) },
        { name: 'Busy', subject: USER, createdAt: new Date(now - 4 * DAY), lastUsedAt: new Date(now - DAY) },
      ],
    })
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    const summary = await screen.findByRole('region', { name: 'Key hygiene' })
    expect(rowNames()).toEqual(['Busy', 'Soon gone', 'Idle importer'])

    await user.click(within(summary).getByRole('button', { name: '1 key unused for 90 days' }))
    expect(rowNames()).toEqual(['Idle importer'])
    await user.click(within(summary).getByRole('button', { name: '1 key expires this week' }))
    expect(rowNames()).toEqual(['Soon gone'])

    await user.type(screen.getByRole('searchbox', { name: 'Search keys' }), 'o')
    await waitFor(() => expect(rowNames()).toEqual(['Soon gone', 'Idle importer']))
    expect(within(summary).getByRole('button', { name: '1 key expires this week' }).getAttribute('aria-pressed')).toBe(
      'false',
    )
  })
})

describe('scopes with descriptions', () => {
  it('shows each offered scope with its label and what it allows, and sends its value', async () => {
    const { wrapper, memory } = setupKit()
    const user = userEvent.setup({ delay: null })
    render(
      <APIKeysManager
        availableScopes={[
          { value: 'orders:write', label: 'Write orders', description: 'Create and change orders.' },
          'keys:read',
        ]}
      />,
      { wrapper },
    )
    // The list is empty: its own button creates the first key (the toolbar's goes once that is known).
    await screen.findByText('No API keys yet')
    await user.click(screen.getByRole('button', { name: 'Create API key' }))
    const dialog = await findOpenedDialog('dialog', 'Create API key')
    const orders = within(dialog).getByRole('checkbox', { name: 'Write orders orders:write' })
    expect(descriptionOf(orders)).toBe('Create and change orders.')
    expect(within(dialog).getByRole('checkbox', { name: 'keys:read' }).getAttribute('aria-describedby')).toBeNull()
    await user.click(orders)
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Orders bot')
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))
    await findOpenedDialog('alertdialog', 'Save your key “Orders bot”')
    const page = await memory.list({
      subject: USER,
      subjectKind: 'user',
      query: '',
      page: 1,
      pageSize: 5,
      signal: new AbortController().signal,
    })
    expect(page.data[0]?.scopes).toEqual(['orders:write'])
  })
})
