import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import { DialogLoadFailed } from '../src/components/manager/DialogLoadFailed'

/**
 * What stands in a dialog's place when its code could not be downloaded (offline, or a deploy removed
 * the chunk the page was built with): why, Close and Reload page, with focus on the message. The manager
 * shows it where the dialog would open; test/components/dialog-load-failure.test.tsx takes the network
 * away for real.
 */
const meta = {
  title: 'States/A dialog that cannot be downloaded',
  component: DialogLoadFailed,
  args: { onClose: fn() },
  render: (args) => (
    <div className="rak-root rak-manager">
      <DialogLoadFailed {...args} />
    </div>
  ),
} satisfies Meta<typeof DialogLoadFailed>

export default meta
type Story = StoryObj<typeof meta>

/** Says why and takes focus; Escape closes, as a dialog's Cancel would. (Reload page reloads: not clicked here.) */
export const Offline: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const alert = canvas.getByRole('alert')
    await expect(alert).toHaveTextContent('This window could not be loaded:')
    await expect(alert).toHaveFocus()
    await expect(canvas.getByRole('button', { name: 'Reload page' })).toBeVisible()
    await userEvent.keyboard('{Escape}')
    await expect(args.onClose).toHaveBeenCalledTimes(1)
  },
}

/** The same in German. */
export const German: Story = {
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('alert')).toHaveTextContent('Dieses Fenster konnte nicht geladen werden:')
    await expect(canvas.getByRole('button', { name: 'Seite neu laden' })).toBeVisible()
  },
}
