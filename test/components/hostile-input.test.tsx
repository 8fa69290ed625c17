import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { APIKeysManager } from '../../src/index'
import { USER, setupKit } from '../helpers/kit'
import { HOUR, cellOf, findOpenedDialog, rowNamed, rowNames, statusOf } from './helpers'

const IMG_NAME = '<img src=x onerror="window.__pwned=1">'
const SCRIPT_DESCRIPTION = '<script>window.__pwned=2</script>'
const HTML_REASON = '<b>bold</b><img src=y onerror="window.__pwned=3">'

/**
 * Elements a hostile string would create if it were rendered as HTML, anywhere on the page (dialogs are
 * portalled). jsdom never runs a payload, so whether one ran is checked in Chromium:
 * stories/hostile-input.stories.tsx.
 */
const injected = (): Element[] => [...document.body.querySelectorAll('img, script, b, iframe')]

describe('APIKeysManager: hostile names, descriptions and reasons', () => {
  it('renders them as text in the table, the revocation reason and the dialogs', async () => {
    const now = Date.now()
    const longName = 'k'.repeat(64)
    const { wrapper } = setupKit({
      seed: [
        { name: IMG_NAME, subject: USER, description: SCRIPT_DESCRIPTION, createdAt: new Date(now - HOUR) },
        {
          name: 'Burned',
          subject: USER,
          revokedAt: new Date(now - HOUR),
          revocationReason: HTML_REASON,
          createdAt: new Date(now - 2 * HOUR),
        },
        { name: longName, subject: USER, createdAt: new Date(now - 3 * HOUR) },
      ],
    })
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })

    const row = await waitFor(() => rowNamed(IMG_NAME))
    // Name and description read as typed, tags and all: nothing was parsed as HTML.
    expect(within(row).getByRole('rowheader').textContent).toBe(IMG_NAME + SCRIPT_DESCRIPTION)
    expect(rowNames()).toEqual([IMG_NAME, 'Burned', longName])
    const revokeLong = within(rowNamed(longName)).getByRole('button', {
      name: (name: string) => name.startsWith(`Revoke ${longName} (`),
    })
    expect(revokeLong.textContent).toBe('Revoke')

    const burned = rowNamed('Burned')
    expect(statusOf(burned)).toBe('Revoked')
    expect(cellOf(burned, 'Status').textContent).toContain(`Reason: ${HTML_REASON}`)
    expect(injected()).toEqual([])

    // The same text in a dialog title and in a button's accessible name.
    await user.click(
      within(row).getByRole('button', { name: (name: string) => name.startsWith(`Revoke ${IMG_NAME} (`) }),
    )
    const dialog = screen.getByRole('alertdialog', { name: `Revoke “${IMG_NAME}”?` })
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe(`Revoke “${IMG_NAME}”?`)
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await user.click(within(row).getByRole('button', { name: (name: string) => name.startsWith(`Roll ${IMG_NAME} (`) }))
    const roll = screen.getByRole('alertdialog', { name: /^Roll / })
    expect(within(roll).getByRole('heading', { level: 2 }).textContent).toBe(`Roll “${IMG_NAME}”?`)

    expect(injected()).toEqual([])
  })

  it('keeps them text through create, reveal and revoke', async () => {
    const { wrapper } = setupKit()
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    await screen.findByText('No API keys yet')

    const [createButton] = screen.getAllByRole('button', { name: 'Create API key' })
    await user.click(createButton as HTMLElement)
    const dialog = screen.getByRole('dialog', { name: 'Create API key' })
    await user.click(within(dialog).getByRole('textbox', { name: 'Name' }))
    await user.paste(IMG_NAME)
    await user.click(within(dialog).getByRole('textbox', { name: 'Description (optional)' }))
    await user.paste(SCRIPT_DESCRIPTION)
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))

    const reveal = await findOpenedDialog('alertdialog', `Save your key “${IMG_NAME}”`)
    expect(injected()).toEqual([])
    await user.click(within(reveal).getByRole('checkbox', { name: 'I have saved this key' }))
    await user.click(within(reveal).getByRole('button', { name: 'Done' }))

    const row = await waitFor(() => rowNamed(IMG_NAME))
    expect(within(row).getByRole('rowheader').textContent).toBe(IMG_NAME + SCRIPT_DESCRIPTION)

    await user.click(
      within(row).getByRole('button', { name: (name: string) => name.startsWith(`Revoke ${IMG_NAME} (`) }),
    )
    const revoke = screen.getByRole('alertdialog', { name: `Revoke “${IMG_NAME}”?` })
    await user.click(within(revoke).getByRole('textbox', { name: 'Reason (optional)' }))
    await user.paste(HTML_REASON)
    await user.click(within(revoke).getByRole('button', { name: 'Revoke key' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    await waitFor(() => expect(cellOf(rowNamed(IMG_NAME), 'Status').textContent).toContain(`Reason: ${HTML_REASON}`))

    expect(injected()).toEqual([])
  })
})
