import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, within } from 'storybook/test'
import { APIKeysManager } from '../src/index'
import { DEMO_USER } from './support/demo-keys'
import { expectNoDialog, findDialog, findRow, page } from './support/play'
import { kit } from './support/with-kit'

declare global {
  interface Window {
    /** Set by a hostile payload if the page ever ran it. */
    __pwned?: number
  }
}

const HOUR = 60 * 60 * 1000
const IMG_NAME = '<img src=x onerror="window.__pwned=1">'
const SCRIPT_DESCRIPTION = '<script>window.__pwned=2</script>'
const HTML_REASON = '<b>bold</b><img src=y onerror="window.__pwned=3">'

/** A pattern for a text that starts with `text`, taken literally (an accessible name adds what follows). */
const startsWith = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)

/**
 * A broken image of the story's own, loaded like the payload's: once its error event has fired,
 * an injected `<img onerror>` would have run too. The play waits for it instead of for the clock.
 */
function Canary() {
  const [failed, setFailed] = useState(false)
  return (
    <p>
      <img src="x" alt="" onError={() => setFailed(true)} hidden />
      {failed ? 'Canary image failed to load' : 'Canary image loading'}
    </p>
  )
}

/** Names, descriptions and reasons that are HTML: in real Chromium, which would run them if they were markup. */
const meta = {
  title: 'Security/Hostile input',
  component: APIKeysManager,
  render: (args) => (
    <>
      <APIKeysManager {...args} />
      <Canary />
    </>
  ),
} satisfies Meta<typeof APIKeysManager>

export default meta
type Story = StoryObj<typeof meta>

/** The table, the revocation tooltip and the revoke dialog show the payloads as text; none runs. */
export const RenderedAsText: Story = {
  parameters: kit({
    seed: [
      {
        name: IMG_NAME,
        subject: DEMO_USER,
        subjectKind: 'user',
        description: SCRIPT_DESCRIPTION,
        createdAt: new Date(Date.now() - HOUR),
      },
      {
        name: 'Burned',
        subject: DEMO_USER,
        subjectKind: 'user',
        revokedAt: new Date(Date.now() - HOUR),
        revocationReason: HTML_REASON,
        createdAt: new Date(Date.now() - 2 * HOUR),
      },
    ],
  }),
  beforeEach: () => {
    delete window.__pwned
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const row = await findRow(canvasElement, startsWith(IMG_NAME))
    await expect(within(row).getByText(SCRIPT_DESCRIPTION)).toBeVisible()
    const burned = await findRow(canvasElement, startsWith('Burned'))
    // The reason, as text, in the row (or its tooltip).
    await expect(burned).toHaveTextContent(HTML_REASON)

    const revoke = within(row).getByRole('button', { name: (name) => name.startsWith(`Revoke ${IMG_NAME}`) })
    await userEvent.click(revoke)
    const dialog = await findDialog(`Revoke “${IMG_NAME}”?`, 'alertdialog')
    await expect(within(dialog).getByRole('heading', { name: `Revoke “${IMG_NAME}”?` })).toBeVisible()

    // Nothing the payloads would create exists, and once an image error has had time to fire, none ran.
    const injected = [canvasElement, dialog].flatMap((root) => [
      ...root.querySelectorAll('img:not([hidden]), script, b, iframe'),
    ])
    await expect(injected).toEqual([])
    await expect(await canvas.findByText('Canary image failed to load')).toBeInTheDocument()
    await expect(window.__pwned).toBeUndefined()

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await expectNoDialog('alertdialog')
    await expect(page().queryByRole('alertdialog')).toBeNull()
  },
}
