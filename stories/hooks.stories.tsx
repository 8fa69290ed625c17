import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { useAPIKeys } from '../src/index'
import { manyKeys } from './support/demo-keys'
import { kit } from './support/with-kit'

/** A bare list made only with the `useAPIKeys` hook: what a custom flow starts from. */
function HookList() {
  const {
    data,
    count,
    page,
    pageCount,
    isLoading,
    isError,
    error,
    fetchNext,
    fetchPrevious,
    hasNextPage,
    hasPreviousPage,
  } = useAPIKeys({ pageSize: 5 })
  if (isLoading) return <p>Loading keys…</p>
  if (isError) return <p role="alert">{error?.message}</p>
  return (
    <section aria-label="Keys from useAPIKeys">
      <ul>
        {data.map((key) => (
          <li key={key.id}>
            {key.name} …{key.lastFour}
          </li>
        ))}
      </ul>
      <p>{`Page ${page} of ${pageCount} (${count} keys)`}</p>
      <button type="button" onClick={fetchPrevious} disabled={!hasPreviousPage}>
        Previous
      </button>
      <button type="button" onClick={fetchNext} disabled={!hasNextPage}>
        Next
      </button>
    </section>
  )
}

const meta = {
  title: 'Hooks/useAPIKeys',
  component: HookList,
} satisfies Meta<typeof HookList>

export default meta
type Story = StoryObj<typeof meta>

export const Paged: Story = {
  parameters: kit({ seed: manyKeys(12) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Page 1 of 3 (12 keys)')).toBeVisible()
    await expect(canvas.getAllByRole('listitem')).toHaveLength(5)
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }))
    await expect(await canvas.findByText('Page 2 of 3 (12 keys)')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }))
    await expect(await canvas.findByText('Page 3 of 3 (12 keys)')).toBeVisible()
    await expect(canvas.getAllByRole('listitem')).toHaveLength(2)
    await expect(canvas.getByRole('button', { name: 'Next' })).toBeDisabled()
  },
}

/** The list is refused every time, so the story shows the error however slow the machine (no retry or remount can race it). */
export const ListFails: Story = {
  parameters: kit({ setup: (fetcher) => fetcher.failNext('forbidden', { times: Infinity, methods: ['list'] }) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert')).toHaveTextContent('You do not have permission to do this.')
  },
}
