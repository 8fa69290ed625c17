import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { APIKeysManager, ApiKeysError } from '../../src/index'
import type * as DialogChunk from '../../src/components/manager/dialog-chunk'
import { reloadPage } from '../../src/components/manager/reload-page'
import { USER, seedKeys, setupKit } from '../helpers/kit'
import '../helpers/screen-wait'

// Not ./helpers: it loads every dialog before each file, and here their code must fail to arrive.

/**
 * The network as the dialogs' chunk sees it: while it is down, downloading the chunk fails as a
 * dynamic import does offline (or after a deploy removed the chunk); once it is up, it loads.
 */
const network = vi.hoisted(() => ({ down: true, downloads: 0 }))
vi.mock('../../src/components/manager/dialog-chunk', async (importOriginal) => {
  const { loadDialogChunk } = await importOriginal<typeof DialogChunk>()
  return {
    loadDialogChunk: () =>
      ++network.downloads && network.down
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/on-demand-3f2a.js'))
        : loadDialogChunk(),
  }
})

// jsdom cannot reload; the test sees the call.
vi.mock('../../src/components/manager/reload-page', () => ({ reloadPage: vi.fn() }))

// React reports each error a boundary catches on the console; the failed loads here are on purpose.
beforeEach(() => {
  const report = console.error.bind(console)
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!args.some((arg) => arg instanceof Error && arg.name === 'DialogLoadError')) report(...args)
  })
})

const COULD_NOT_LOAD =
  'This window could not be loaded: the connection may have dropped, or the app has been updated. Reload the page to try again.'

function setup() {
  network.down = true
  network.downloads = 0
  const onError = vi.fn<(error: ApiKeysError) => void>()
  const kit = setupKit({ seed: seedKeys(USER, 3, 'Key') })
  render(<APIKeysManager onError={onError} />, { wrapper: kit.wrapper })
  return { ...kit, onError, user: userEvent.setup({ delay: null }) }
}

const searchBox = (): HTMLInputElement => screen.getByRole('searchbox', { name: 'Search keys' }) as HTMLInputElement
const keyNames = (): string[] =>
  screen.queryAllByRole('rowheader').map((header) => header.firstChild?.textContent ?? '')

/** Waits for the alert that stands in a dialog's place, a new one when `previous` is given. */
async function findLoadAlert(previous?: HTMLElement): Promise<HTMLElement> {
  let alert: HTMLElement | undefined
  await waitFor(() => {
    alert = screen.getByRole('alert')
    expect(alert).not.toBe(previous)
  })
  return alert as HTMLElement
}

describe('APIKeysManager: a dialog whose code cannot be downloaded', () => {
  // First: the dialogs' loaders live as long as the module, and a later test loads them for good.
  it('does not prefetch while the browser says it is offline, so a failure cannot stick', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const { user } = setup()
    const create = await screen.findByRole('button', { name: 'Create API key' })
    // A pointer near Create prefetches its dialog: not offline.
    await user.hover(create)
    expect(network.downloads).toBe(0)
    onLine.mockReturnValue(true)
    await user.unhover(create)
    await user.hover(create)
    await waitFor(() => expect(network.downloads).toBeGreaterThan(0))
  })

  it('says so in the dialog’s place, and the rest of the manager stays on screen and usable', async () => {
    const { onError, user } = setup()
    await user.type(searchBox(), 'Key')
    const revoke = await screen.findByRole('button', { name: /^Revoke Key 2\b/ })
    await user.click(revoke)

    const alert = await findLoadAlert()
    expect(alert.textContent).toBe(COULD_NOT_LOAD)
    // Like a dialog, it takes focus; unlike the crash it replaces, the page is all still here.
    expect(document.activeElement).toBe(alert)
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(keyNames()).toEqual(['Key 3', 'Key 2', 'Key 1'])
    expect(searchBox().value).toBe('Key')
    // Reload is what downloads a failed chunk again in every browser (Chromium keeps the failure).
    await user.click(screen.getByRole('button', { name: 'Reload page' }))
    expect(reloadPage).toHaveBeenCalledTimes(1)

    // Reported once, as a network error that says nothing of the chunk's address.
    expect(onError).toHaveBeenCalledTimes(1)
    const reported = onError.mock.calls[0]?.[0]
    expect(reported).toBeInstanceOf(ApiKeysError)
    expect(reported?.code).toBe('network')
    expect(JSON.stringify({ message: reported?.message, cause: reported?.cause })).not.toContain('on-demand')

    // Escape closes it, and focus goes back to the button that opened it.
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    expect(document.activeElement).toBe(revoke)

    // The manager still answers: the search narrows the list.
    await user.type(searchBox(), ' 3')
    await waitFor(() => expect(keyNames()).toEqual(['Key 3']))
  })

  it('tries again when the dialog is opened again, and shows it once the code arrives', async () => {
    const { onError, user } = setup()

    // The create dialog stays mounted once opened (its draft survives closing): Close, then open again.
    const create = await screen.findByRole('button', { name: 'Create API key' })
    await user.click(create)
    await findLoadAlert()
    await user.click(screen.getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    expect(document.activeElement).toBe(create)

    // Opened again while still offline: a real second try, which fails again and says so again.
    const revoke = await screen.findByRole('button', { name: /^Revoke Key 2\b/ })
    await user.click(revoke)
    const first = await findLoadAlert()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    await user.click(revoke)
    const second = await findLoadAlert(first)
    expect(second.textContent).toBe(COULD_NOT_LOAD)
    expect(onError).toHaveBeenCalledTimes(3)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())

    // Where the browser fetches a failed module again (Chromium waits for a reload), the next try works.

    network.down = false
    await user.click(create)
    expect(await screen.findByRole('dialog', { name: 'Create API key' })).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    await user.click(screen.getByRole('button', { name: /^Revoke Key 2\b/ }))
    expect(await screen.findByRole('alertdialog', { name: 'Revoke “Key 2”?' })).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(onError).toHaveBeenCalledTimes(3)
  })
})
