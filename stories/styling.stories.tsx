import type { Meta, StoryObj } from '@storybook/react-vite'
import { QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { AccountSettings, APIKeysManager, APIKeysProvider, createMemoryFetcher } from '../src/index'
import { DEMO_USER, demoKeys, manyKeys } from './support/demo-keys'
import { kit } from './support/with-kit'

/** Styles that yield to the app, themes the app opts in to, and a table that holds still. */
const meta = {
  title: 'Layout/Styling and table',
  component: APIKeysManager,
} satisfies Meta<typeof APIKeysManager>

export default meta
type Story = StoryObj<typeof meta>

/**
 * A Tailwind v4 app: its utilities live in `@layer utilities`, after the layer order it names once.
 * A utility passed through `classNames` beats the kit's own button colour, radius and padding.
 */
const TAILWIND_LIKE = `
@layer theme, base, react-api-keys, components, utilities;
@layer utilities {
  .bg-emerald-800 { background-color: rgb(6 95 70); }
  .rounded-none { border-radius: 0; }
  .px-8 { padding-inline: 2rem; }
}`

/** A utility class of the app, given through `classNames`, wins over the kit's rules. */
export const AppUtilityClassWins: Story = {
  args: { classNames: { createButton: 'bg-emerald-800 rounded-none px-8' } },
  render: (args) => (
    <>
      <style>{TAILWIND_LIKE}</style>
      <APIKeysManager {...args} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const button = await within(canvasElement).findByRole('button', { name: 'Create API key' })
    const style = getComputedStyle(button)
    await expect(style.backgroundColor).toBe('rgb(6, 95, 70)')
    await expect(style.borderTopLeftRadius).toBe('0px')
    await expect(style.paddingLeft).toBe('32px')
  },
}

/** An app that never opted in to dark gets the light kit, whatever the system setting. */
export const LightUnlessTheAppOptsIn: Story = {
  globals: { theme: 'app' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('rowheader', { name: /Production API/ })
    const root = canvasElement.querySelector('.rak-root') as HTMLElement
    await expect(getComputedStyle(root).colorScheme).toBe('light')
  },
}

/** `data-theme="system"` on an ancestor opts in to following the system setting. */
export const SystemWhenTheAppAsks: Story = {
  globals: { theme: 'system' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('rowheader', { name: /Production API/ })
    const root = canvasElement.querySelector('.rak-root') as HTMLElement
    await waitFor(() => expect(getComputedStyle(root).colorScheme).toBe('light dark'))
  },
}

/** The status filter has a visible label, not only "All". */
export const StatusFilterLabelled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const filter = await canvas.findByRole('combobox', { name: 'Status' })
    const label = filter.closest('label') as HTMLElement
    await expect(within(label).getByText('Status')).toBeVisible()
  },
}

/** The ring of a focused settings tab is drawn whole, not cut by the scrolling tab list. */
export const TabFocusRingNotClipped: Story = {
  render: () => (
    <AccountSettings
      tabs={[
        { id: 'profile', label: 'Profile', content: <p>Profile</p> },
        { id: 'billing', label: 'Billing', content: <p>Billing</p> },
      ]}
    />
  ),
  play: async ({ canvasElement }) => {
    const tab = within(canvasElement).getByRole('tab', { name: 'Profile' })
    await userEvent.tab()
    await expect(tab).toHaveFocus()
    const list = tab.closest('[role="tablist"]') as HTMLElement
    const style = getComputedStyle(tab)
    const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset)
    const ring = tab.getBoundingClientRect()
    const box = list.getBoundingClientRect()
    await expect(style.outlineStyle).toBe('solid')
    await expect(ring.left - reach).toBeGreaterThanOrEqual(box.left)
    await expect(ring.top - reach).toBeGreaterThanOrEqual(box.top)
    // Half a pixel for the tab's fractional height.
    await expect(ring.bottom + reach).toBeLessThanOrEqual(box.top + list.clientHeight + 0.5)
  },
}

/** On a long page (100 keys, the most the server companion sends at once) the column headers stay at the top of the window. */
export const StickyHeaderOnALongPage: Story = {
  args: { pageSize: 100 },
  parameters: kit({ seed: manyKeys(100) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('Showing 1–100 of 100')
    const header = canvas.getByRole('columnheader', { name: 'Name' })
    scrollTo(0, 2000)
    await waitFor(() => expect(Math.round(header.getBoundingClientRect().top)).toBe(0))
    await expect(header).toBeVisible()
    scrollTo(0, 0)
  },
}

/** The same manager on a backend that never answers: its skeleton rows. */
function LoadingManager() {
  const [fetcher] = useState(() => createMemoryFetcher({ seed: demoKeys(), latencyMs: 600_000 }))
  const [queryClient] = useState(() => new QueryClient())
  return (
    <APIKeysProvider fetcher={fetcher} userId={DEMO_USER} queryClient={queryClient}>
      <APIKeysManager className="loading-manager" />
    </APIKeysProvider>
  )
}

/**
 * Skeleton rows are as tall as the rows that replace them, and the columns stand where they will
 * stand once the keys arrive: nothing moves when the first page lands.
 */
export const SkeletonHoldsTheLayout: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: '2rem' }}>
      <APIKeysManager {...args} className="loaded-manager" />
      <LoadingManager />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const loaded = canvasElement.querySelector('.loaded-manager') as HTMLElement
    const loading = canvasElement.querySelector('.loading-manager') as HTMLElement
    await within(loaded).findByRole('rowheader', { name: /^GitHub Actions/ })
    await expect(canvas.getAllByRole('status').length).toBeGreaterThan(0)
    const skeleton = loading.querySelector('.rak-row--skeleton') as HTMLElement
    const real = within(loaded)
      .getByRole('rowheader', { name: /^GitHub Actions/ })
      .closest('tr') as HTMLElement
    await expect(Math.abs(skeleton.getBoundingClientRect().height - real.getBoundingClientRect().height)).toBeLessThan(
      1,
    )
    const lefts = (root: HTMLElement) =>
      [...root.querySelectorAll('thead th')].map((cell) => Math.round(cell.getBoundingClientRect().left))
    await expect(lefts(loading)).toEqual(lefts(loaded))
  },
}
