import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { APIKeysManager, ApiKeysError } from '../src/index'
import { demoKeys, manyKeys } from './support/demo-keys'
import { findRow, page } from './support/play'
import { UrlKeptManager } from './support/url-kept-manager'
import { kit } from './support/with-kit'

const meta = {
  title: 'Components/APIKeysManager',
  component: APIKeysManager,
  tags: ['autodocs'],
  args: { availableScopes: ['keys:read', 'orders:read', 'orders:write', 'deploy'] },
} satisfies Meta<typeof APIKeysManager>

export default meta
type Story = StoryObj<typeof meta>

/** Every kind of key: active, expiring soon, never used, expired, revoked with a reason. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    for (const header of ['Name', 'Key', 'Status', 'Created', 'Expires', 'Last used']) {
      await expect(await canvas.findByRole('columnheader', { name: header })).toBeVisible()
    }
    await expect(within(await findRow(canvasElement, /Production API/)).getByText('Active')).toBeVisible()
    await expect(within(await findRow(canvasElement, /^GitHub Actions/)).getByText('Expires soon')).toBeVisible()
    const local = await findRow(canvasElement, /Local development/)
    await expect(within(local).getAllByText('Never')).toHaveLength(2)
    await expect(within(await findRow(canvasElement, /Old CLI token/)).getByText('Expired')).toBeVisible()
    const revoked = await findRow(canvasElement, /Contractor access/)
    // A revoked key can still be looked at, but not revoked or rolled again.
    await expect(within(revoked).queryByRole('button', { name: /^(Revoke|Roll) / })).toBeNull()
    await expect(canvas.getByRole('button', { name: /^Revoke Production API \(…\w{4}\)$/ })).toBeVisible()
    await expect(canvas.getByRole('button', { name: /^Roll Production API \(…\w{4}\)$/ })).toBeVisible()
    await expect(canvas.getByText('Showing 1–5 of 5')).toBeVisible()

    // The exact date and time appear as the title of a date the pointer reaches.
    const date = (await findRow(canvasElement, /Production API/)).querySelector('time') as HTMLTimeElement
    await userEvent.hover(date)
    await expect(date).toHaveAttribute('title', expect.stringContaining(String(new Date(date.dateTime).getFullYear())))
  },
}

/** A revoked key's reason is in plain sight in its row, and when it was revoked stands where its expiry stood. */
export const RevocationReasonOnFocus: Story = {
  play: async ({ canvasElement }) => {
    const row = await findRow(canvasElement, /Contractor access/)
    await expect(within(row).getByText('Revoked')).toBeVisible()
    await expect(within(row).getByText('Reason: Contract ended')).toBeVisible()
    await expect(within(row).getByText('Revoked 2 weeks ago')).toBeVisible()
  },
}

/** Skeleton rows and a status message while the first page loads. */
export const Loading: Story = {
  parameters: kit({ setup: (fetcher) => fetcher.setLatency(600_000) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('status')).toHaveTextContent('Loading API keys…')
    await expect(canvasElement.querySelectorAll('.rak-skeleton').length).toBeGreaterThan(0)
    await expect(canvas.getByRole('table')).toHaveAttribute('aria-busy', 'true')
  },
}

/** No keys yet: a call to action that opens the create dialog. */
export const Empty: Story = {
  parameters: kit({ seed: [] }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('No API keys yet')).toBeVisible()
    const buttons = canvas.getAllByRole('button', { name: 'Create API key' })
    await userEvent.click(buttons[buttons.length - 1] as HTMLElement)
    await expect(await page().findByRole('dialog', { name: 'Create API key' })).toBeVisible()
  },
}

/** 45 keys over five pages; Previous and Next, and where you are. */
export const ManyPages: Story = {
  parameters: kit({ seed: manyKeys(45) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Showing 1–10 of 45')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Previous' })).toBeDisabled()
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }))
    await expect(await canvas.findByText('Showing 11–20 of 45')).toBeVisible()
    await expect(canvas.getAllByRole('row')).toHaveLength(11)
    await userEvent.click(canvas.getByRole('button', { name: 'Previous' }))
    await expect(await canvas.findByText('Showing 1–10 of 45')).toBeVisible()
  },
}

/** A page of 1,000 keys renders the rows near the viewport only, and scrolling brings the rest. */
export const ThousandKeysOnOnePage: Story = {
  args: { pageSize: 1000 },
  parameters: kit({ seed: manyKeys(1000), largePages: true }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const table = await canvas.findByRole('table')
    await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', '1001'))
    await waitFor(() => expect(canvas.getAllByRole('rowheader').length).toBeGreaterThan(5))
    await expect(canvas.getAllByRole('rowheader').length).toBeLessThan(120)
    await expect(canvas.getByText('Showing 1–1000 of 1000')).toBeVisible()
    // Scroll to the end as a user does: the page may grow once real row heights replace the estimate.
    await waitFor(() => {
      window.scrollTo(0, document.documentElement.scrollHeight)
      expect(table.querySelector('tr[aria-rowindex="1001"]')).not.toBeNull()
    })
    const last = table.querySelector('tr[aria-rowindex="1001"]') as HTMLElement
    await expect(within(last).getByRole('rowheader')).toHaveTextContent('Nightly backup 84')
    await expect(canvas.getAllByRole('rowheader').length).toBeLessThan(120)

    // Keyboard: Tab from the last rendered row keeps going down the table, past the first window.
    window.scrollTo(0, 0)
    await waitFor(() => expect(table.querySelector('tr[aria-rowindex="2"]')).not.toBeNull())
    const revokes = table.querySelectorAll<HTMLElement>('[data-rak-action="revoke"]')
    const lastRendered = revokes[revokes.length - 1] as HTMLElement
    const startRow = Number(lastRendered.closest('tr')?.getAttribute('aria-rowindex'))
    lastRendered.focus()
    // Each row has three tab stops (the name, which opens the details, Roll and Revoke): 15 presses pass 5 rows.
    for (let i = 0; i < 15; i++) await userEvent.tab()
    const focusedRow = Number(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex'))
    await expect(focusedRow).toBeGreaterThan(startRow + 4)
    window.scrollTo(0, 0)
  },
}

/** Searching goes to the server (debounced) and back to page 1. */
export const Search: Story = {
  parameters: kit({ seed: [...manyKeys(30), ...demoKeys()] }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Next' }))
    await expect(await canvas.findByText('Showing 11–20 of 35')).toBeVisible()
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search keys' }), 'production')
    await expect(await canvas.findByText('Showing 1–1 of 1')).toBeVisible()
    await expect(canvas.getByRole('rowheader', { name: /Production API/ })).toBeVisible()
  },
}

/** A search that finds nothing says so, and offers to clear it. */
export const SearchWithoutMatches: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const search = await canvas.findByRole('searchbox', { name: 'Search keys' })
    await userEvent.type(search, 'zzz')
    await expect(await canvas.findByText('No keys match “zzz”.')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Clear search' }))
    await expect(search).toHaveValue('')
    await expect(search).toHaveFocus()
    await expect(await canvas.findByRole('rowheader', { name: /Production API/ })).toBeVisible()
  },
}

/** The status filter narrows the list to Active, Expired or Revoked keys. */
export const StatusFilter: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('rowheader', { name: /Production API/ })
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Status' }), 'Revoked')
    await waitFor(() =>
      expect(canvas.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([
        'Contractor accessTemporary access for the audit',
      ]),
    )
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Status' }), 'Active')
    await waitFor(() => expect(canvas.getAllByRole('rowheader')).toHaveLength(3))
  },
}

/** The list cannot be loaded: the reason, and Retry. */
/** Whether the LoadError story's backend is down. */
const loadErrorOutage = { on: true }

export const LoadError: Story = {
  // Every list fails until the play function ends the outage: the error shows however slow the
  // machine, since no retry or remount can answer with the list first.
  parameters: kit({
    setup: (fetcher) => {
      const list = fetcher.list.bind(fetcher)
      loadErrorOutage.on = true
      fetcher.list = (params) => (loadErrorOutage.on ? Promise.reject(new ApiKeysError('network')) : list(params))
    },
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const alert = await canvas.findByRole('alert')
    loadErrorOutage.on = false
    await expect(alert).toHaveTextContent('The API keys could not be loaded.')
    await expect(alert).toHaveTextContent('Could not reach the server')
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await expect(await canvas.findByRole('rowheader', { name: /Production API/ })).toBeVisible()
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** Names, descriptions and reasons are text, never markup. */
export const HostileNames: Story = {
  parameters: kit({
    seed: [
      {
        name: '<img src=x onerror="window.__rakPwned=1">',
        subject: 'user_2x9Kd',
        description: '<script>window.__rakPwned=2</script>',
      },
      { name: 'a'.repeat(64), subject: 'user_2x9Kd', revokedAt: new Date(), revocationReason: '<b>bold</b> reason' },
    ],
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('<img src=x onerror="window.__rakPwned=1">')).toBeVisible()
    await expect(canvas.getByText('<script>window.__rakPwned=2</script>')).toBeVisible()
    await expect(canvasElement.querySelector('table img, table script, table b')).toBeNull()
    await expect((window as { __rakPwned?: number }).__rakPwned).toBeUndefined()
  },
}

/** German strings and dates, from the Provider's localization and locale. */
export const German: Story = {
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('searchbox', { name: 'Schlüssel suchen' })).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'API-Schlüssel erstellen' })).toBeVisible()
    // The action (Sperren) reads differently from the status a revoked key shows (Gesperrt).
    await expect(await canvas.findByRole('button', { name: /^Production API \(…\w{4}\) sperren$/ })).toHaveTextContent(
      'Sperren',
    )
    await expect(canvas.getByRole('option', { name: 'Gesperrt' })).toBeInTheDocument()
    await expect(canvas.getByText('vorgestern')).toBeVisible()
  },
}

/** The dark theme, set with data-theme on <html>. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const button = await within(canvasElement).findByRole('button', { name: 'Create API key' })
    await waitFor(() =>
      expect(getComputedStyle(canvasElement.querySelector('.rak-root') as Element).colorScheme).toBe('dark'),
    )
    await expect(getComputedStyle(button).backgroundColor).toBe('rgb(139, 140, 248)')
  },
}

/**
 * Search, status and page kept by the app in its URL (`query`/`onQueryChange`, `status`/`onStatusChange`,
 * `page`/`onPageChange`): a filtered list can be linked to, and survives a reload.
 */
export const KeptInTheUrl: Story = {
  parameters: kit({ seed: [...manyKeys(30), ...demoKeys()] }),
  render: (args) => <UrlKeptManager {...args} initialSearch="page=2" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const address = canvas.getByRole('status', { name: 'Address' })
    await expect(address).toHaveTextContent('/settings/api-keys?page=2')
    await expect(await canvas.findByText('Showing 11–20 of 35')).toBeVisible()

    // Typing goes into the URL; the new search starts from page 1, and the URL says so.
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search keys' }), 'production')
    await expect(await canvas.findByText('Showing 1–1 of 1')).toBeVisible()
    await waitFor(() => expect(address).toHaveTextContent(/^\/settings\/api-keys\?q=production$/))

    // A link sets the list from the URL alone.
    await userEvent.click(canvas.getByRole('link', { name: 'Revoked keys' }))
    await expect(address).toHaveTextContent('/settings/api-keys?status=revoked')
    await expect(canvas.getByRole('searchbox', { name: 'Search keys' })).toHaveValue('')
    await expect(canvas.getByRole('combobox', { name: 'Status' })).toHaveValue('revoked')
    await expect(await canvas.findByRole('rowheader', { name: /Contractor access/ })).toBeVisible()
    await waitFor(() => expect(canvas.getAllByRole('rowheader')).toHaveLength(1))

    await userEvent.click(canvas.getByRole('link', { name: 'Page 3' }))
    await expect(await canvas.findByText('Showing 21–30 of 35')).toBeVisible()
    await expect(canvas.getByRole('combobox', { name: 'Status' })).toHaveValue('all')
  },
}
