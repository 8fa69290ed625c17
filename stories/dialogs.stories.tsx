import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import {
  CreateApiKeyDialog,
  RevokeApiKeyDialog,
  RollApiKeyDialog,
  SecretRevealDialog,
  generateApiKey,
  type APIKeyResource,
  type RevealedKey,
} from '../src/index'
import { expectNoDialog, findDialog } from './support/play'

/** The dialogs the manager uses, each usable alone in a custom flow. */
const meta = {
  title: 'Components/Dialogs',
  component: SecretRevealDialog,
  subcomponents: { CreateApiKeyDialog, RevokeApiKeyDialog, RollApiKeyDialog },
  tags: ['autodocs'],
  parameters: {
    // A modal dialog inline would cover the docs page: each story gets a frame of its own there.
    docs: { story: { inline: false, iframeHeight: 560 } },
  },
} satisfies Meta

export default meta
type Story = StoryObj

const SECRET = generateApiKey('sk_live_')

/** The one-time reveal on its own, as a custom flow uses it. */
export const SecretReveal: Story = {
  render: function Render() {
    const [key, setKey] = useState<RevealedKey | null>({ name: 'Deploy bot', secret: SECRET })
    return (
      <>
        <p>{key ? 'Revealing' : 'Closed'}</p>
        <SecretRevealDialog apiKey={key} onDone={() => setKey(null)} />
      </>
    )
  },
  play: async ({ canvasElement }) => {
    const dialog = await findDialog('Save your key “Deploy bot”', 'alertdialog')
    await expect(dialog).toHaveAccessibleDescription(/will not be shown again/)
    const field = within(dialog).getByRole('textbox', { name: 'API key' })
    await expect(field).toHaveValue(SECRET)
    await expect(getComputedStyle(field).fontFamily).toMatch(/mono/i)
    await expect(within(dialog).getByRole('button', { name: 'Download .env' })).toBeVisible()
    // The one-time warning is a visible callout, and Done says why it is disabled.
    const warning = within(dialog).getByRole('note')
    await expect(warning).toBeVisible()
    await expect(warning).toHaveTextContent('This is the only time the key is shown.')
    const done = within(dialog).getByRole('button', { name: 'Done' })
    await expect(done).toBeDisabled()
    await expect(done).toHaveAccessibleDescription('Tick “I have saved this key” first.')
    await expect(within(dialog).getByText('Tick “I have saved this key” first.')).toBeVisible()
    await userEvent.keyboard('{Escape}')
    await expect(dialog).toBeVisible()
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'I have saved this key' }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }))
    await expectNoDialog('alertdialog')
    await expect(within(canvasElement).getByText('Closed')).toBeVisible()
    await expect(document.body.innerHTML).not.toContain(SECRET)
  },
}

/** The create dialog on its own, with scopes, a custom date and no description. */
const onScopedCreate = fn()

export const CreateWithScopes: Story = {
  render: function Render() {
    const [open, setOpen] = useState(true)
    return (
      <CreateApiKeyDialog
        open={open}
        onOpenChange={setOpen}
        showDescription={false}
        availableScopes={['keys:read', 'orders:read', 'orders:write', 'deploy']}
        expirationOptions={[30, 90, 'custom']}
        onCreated={(created) => {
          onScopedCreate(created.name, created.scopes)
          setOpen(false)
        }}
      />
    )
  },
  play: async () => {
    onScopedCreate.mockClear()
    const dialog = await findDialog('Create API key')
    await expect(within(dialog).queryByRole('textbox', { name: /Description/ })).toBeNull()
    await expect(within(dialog).getByRole('combobox', { name: 'Expiration' })).toHaveDisplayValue('30 days')
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Scoped')
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'orders:read' }))
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'deploy' }))
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Expiration' }), 'Custom date')
    const nextYear = new Date().getFullYear() + 1
    await userEvent.type(within(dialog).getByLabelText('Expiration date'), `${nextYear}-06-30`)
    await expect(within(dialog).getByText(new RegExp(`^Expires on .*${nextYear}`))).toBeVisible()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create key' }))
    await expectNoDialog()
    await expect(onScopedCreate).toHaveBeenCalledWith('Scoped', ['orders:read', 'deploy'])
  },
}

const TARGET: APIKeyResource = {
  id: 'ak_demo',
  type: 'api_key',
  name: 'Production API',
  subject: 'user_2x9Kd',
  description: null,
  claims: null,
  scopes: [],
  createdAt: new Date(),
  createdBy: null,
  updatedAt: new Date(),
  expiration: null,
  expired: false,
  revoked: false,
  revokedAt: null,
  revocationReason: null,
  lastUsedAt: null,
  prefix: 'sk_',
  lastFour: 'abcd',
}

/** The revoke confirmation on its own: a key the backend does not know answers with an error in the dialog. */
export const RevokeUnknownKey: Story = {
  render: function Render() {
    const [key, setKey] = useState<APIKeyResource | null>(TARGET)
    return <RevokeApiKeyDialog apiKey={key} onClose={() => setKey(null)} />
  },
  play: async () => {
    const dialog = await findDialog('Revoke “Production API”?', 'alertdialog')
    await expect(within(dialog).getByRole('button', { name: 'Revoke key' })).toHaveClass('rak-button--danger')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke key' }))
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('That API key no longer exists.')
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expectNoDialog('alertdialog'))
  },
}
