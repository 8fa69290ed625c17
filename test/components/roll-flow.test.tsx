import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { APIKeysManager, isWellFormedApiKey, type ApiKeysFetcher } from '../../src/index'
import { DAY, USER, cacheText, setupKit } from '../helpers/kit'
import { HOUR, cellOf, descriptionOf, findOpenedDialog, rowNamed, rowsNamed, statusOf } from './helpers'

const seed = [
  { name: 'Deploy bot', subject: USER, lastFour: 'abcd', createdAt: new Date(Date.now() - 10 * DAY) },
  { name: 'Other', subject: USER, createdAt: new Date(Date.now() - 20 * DAY) },
]

type User = ReturnType<typeof userEvent.setup>

async function rollDeployBot(user: User, grace: string): Promise<string> {
  await user.click(await screen.findByRole('button', { name: /^Roll Deploy bot\b/ }))
  const dialog = screen.getByRole('alertdialog', { name: 'Roll “Deploy bot”?' })
  await user.click(within(dialog).getByRole('radio', { name: grace }))
  await user.click(within(dialog).getByRole('button', { name: 'Roll key' }))
  const reveal = await findOpenedDialog('alertdialog', 'Save your key “Deploy bot”')
  const secret = (within(reveal).getByRole('textbox', { name: 'API key' }) as HTMLInputElement).value
  await user.click(within(reveal).getByRole('checkbox', { name: 'I have saved this key' }))
  await user.click(within(reveal).getByRole('button', { name: 'Done' }))
  await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
  return secret
}

describe('APIKeysManager: rolling a key', () => {
  it('shows the old key as rolling over before the list is fetched again, and keeps focus on its row', async () => {
    const { memory } = setupKit({ seed })
    // Lists answer at once until the gate is shut; then they wait until the test ends.
    let shut = false
    const gated: ApiKeysFetcher = {
      ...memory,
      list: (params) => (shut ? new Promise(() => {}) : memory.list(params)),
    }
    const { wrapper } = setupKit({ seed, provider: { fetcher: gated } })
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    await user.click(await screen.findByRole('button', { name: /^Roll Deploy bot\b/ }))
    const dialog = screen.getByRole('alertdialog', { name: 'Roll “Deploy bot”?' })
    shut = true
    await user.click(within(dialog).getByRole('button', { name: 'Roll key' }))
    const reveal = await findOpenedDialog('alertdialog', 'Save your key “Deploy bot”')
    await user.click(within(reveal).getByRole('checkbox', { name: 'I have saved this key' }))
    await user.click(within(reveal).getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())

    // Only the roll's own answer can have changed the row: the list has not been fetched again.
    const old = rowNamed('Deploy bot')
    expect(within(old).queryByRole('button', { name: /^Roll / })).toBeNull()
    expect(within(old).getByRole('button', { name: 'Revoke now: Deploy bot (…abcd)' }).hasAttribute('disabled')).toBe(
      false,
    )
    expect(old.contains(document.activeElement)).toBe(true)
  })

  it('offers grace periods, reveals a new secret, and lists the new key beside the old one', async () => {
    const { memory, queryClient, wrapper } = setupKit({ seed })
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    const trigger = await screen.findByRole('button', { name: /^Roll Deploy bot\b/ })
    await user.click(trigger)

    const dialog = screen.getByRole('alertdialog', { name: 'Roll “Deploy bot”?' })
    const group = within(dialog).getByRole('group', { name: 'Old key keeps working for' })
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[]
    expect(radios.map((radio) => radio.closest('label')?.textContent)).toEqual([
      'No grace period (expires now)',
      '15 minutes',
      '1 hour',
      '24 hours',
      '7 days',
    ])
    expect((within(group).getByRole('radio', { name: '24 hours' }) as HTMLInputElement).checked).toBe(true)
    expect(radios.filter((radio) => radio.checked)).toHaveLength(1)

    memory.setLatency(150)
    const confirm = within(dialog).getByRole('button', { name: 'Roll key' })
    await user.click(confirm)
    expect(confirm.textContent).toBe('Rolling…')
    expect(confirm.getAttribute('aria-disabled')).toBe('true')
    expect(document.activeElement).toBe(confirm)

    const reveal = await findOpenedDialog('alertdialog', 'Save your key “Deploy bot”')
    memory.setLatency(0)
    expect(screen.queryByRole('alertdialog', { name: 'Roll “Deploy bot”?' })).toBeNull()
    const secret = (within(reveal).getByRole('textbox', { name: 'API key' }) as HTMLInputElement).value
    expect(isWellFormedApiKey(secret)).toBe(true)
    await user.click(within(reveal).getByRole('checkbox', { name: 'I have saved this key' }))
    await user.click(within(reveal).getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(memory.calls.roll).toBe(1)

    // Two rows named Deploy bot: the new one (new last four, active) and the old one, expiring in 24 hours.
    await waitFor(() => expect(rowsNamed('Deploy bot')).toHaveLength(2))
    const [replacement, previous] = rowsNamed('Deploy bot') as [HTMLElement, HTMLElement]
    expect(cellOf(replacement, 'Key').textContent).toBe(`sk_…${secret.slice(-4)}`)
    expect(statusOf(replacement)).toBe('Active')
    expect(cellOf(previous, 'Key').textContent).toBe('sk_…abcd')
    expect(statusOf(previous)).toBe('Expires soon')
    expect(statusOf(rowNamed('Other'))).toBe('Active')

    expect(document.body.innerHTML).not.toContain(secret)
    expect(cacheText(queryClient)).not.toContain(secret)
    // Focus goes back to the old key's row: its Roll button, or its next action once a rolling key offers no Roll.
    await waitFor(() => expect(previous.contains(document.activeElement)).toBe(true))
    expect(document.activeElement?.tagName).toBe('BUTTON')
  })

  it('with no grace period, lists the replacement beside the old key', async () => {
    const { memory, wrapper } = setupKit({ seed })
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    const secret = await rollDeployBot(user, 'No grace period (expires now)')
    await waitFor(() => expect(rowsNamed('Deploy bot')).toHaveLength(2))
    const [replacement] = rowsNamed('Deploy bot') as [HTMLElement, HTMLElement]
    expect(cellOf(replacement, 'Key').textContent).toBe(`sk_…${secret.slice(-4)}`)
    expect(statusOf(replacement)).toBe('Active')
    // The backend already reports the old key as expired.
    const listed = await memory.list({
      subject: USER,
      subjectKind: 'user',
      query: 'deploy',
      page: 1,
      pageSize: 10,
      signal: new AbortController().signal,
    })
    expect(listed.data.map((key) => [key.lastFour === 'abcd' ? 'old' : 'new', key.expired])).toEqual([
      ['new', false],
      ['old', true],
    ])
  })

  // A key's status follows the backend's `expired` flag, not only a clock refreshed once a minute:
  // a key that expired a moment ago (rolled with no grace period) shows Expired and offers no Roll
  // or Revoke before the next tick.
  it('with no grace period, the old key shows Expired at once, without Roll or Revoke', async () => {
    const { wrapper } = setupKit({ seed })
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    await rollDeployBot(user, 'No grace period (expires now)')
    await waitFor(() => expect(rowsNamed('Deploy bot')).toHaveLength(2))
    const [, previous] = rowsNamed('Deploy bot') as [HTMLElement, HTMLElement]
    expect(cellOf(previous, 'Key').textContent).toBe('sk_…abcd')
    expect(statusOf(previous)).toBe('Expired')
    expect(within(previous).queryByRole('button', { name: /^(Roll|Revoke) / })).toBeNull()
  })

  it('reads when the old secret stops as the Roll key button’s description, following the grace period', async () => {
    // It expires before a day's grace ends: the default grace stops it at its own expiry, a time known here.
    const expiration = new Date(Date.now() + 3 * HOUR)
    const { wrapper } = setupKit({
      seed: [{ name: 'Short', subject: USER, createdAt: new Date(Date.now() - 10 * DAY), expiration }],
      provider: { locale: 'en-US' },
    })
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    await user.click(await screen.findByRole('button', { name: /^Roll Short\b/ }))
    const dialog = screen.getByRole('alertdialog', { name: 'Roll “Short”?' })
    const confirm = within(dialog).getByRole('button', { name: 'Roll key' })
    const stops = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(expiration)
    expect(descriptionOf(confirm)).toContain(`The old secret stops working on ${stops}.`)
    expect(descriptionOf(confirm)).toMatch(/The new key expires on .+\.$/)

    await user.click(within(dialog).getByRole('radio', { name: 'No grace period (expires now)' }))
    expect(descriptionOf(confirm)).toContain('The old secret stops working at once.')
    expect(descriptionOf(confirm)).not.toContain(stops)
  })

  it('explains a refused roll and stays open', async () => {
    const onError = vi.fn()
    const { memory, wrapper } = setupKit({ seed })
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager onError={onError} />, { wrapper })
    await user.click(await screen.findByRole('button', { name: /^Roll Deploy bot\b/ }))
    const dialog = screen.getByRole('alertdialog', { name: 'Roll “Deploy bot”?' })
    memory.failNext('rate_limited', { methods: ['roll'] })
    await user.click(within(dialog).getByRole('button', { name: 'Roll key' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Too many requests. Please wait a moment and try again.',
    )
    expect(screen.getByRole('alertdialog', { name: 'Roll “Deploy bot”?' })).toBe(dialog)
    expect(screen.queryByRole('alertdialog', { name: /Save your key/ })).toBeNull()
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'rate_limited' })
    expect(rowsNamed('Deploy bot')).toHaveLength(1)
  })

  it('offers no Roll button when the fetcher cannot roll', async () => {
    const base = setupKit({ seed })
    const { memory } = base
    const noRoll: ApiKeysFetcher = { list: memory.list, create: memory.create, revoke: memory.revoke }
    const { wrapper } = setupKit({ provider: { fetcher: noRoll } })
    render(<APIKeysManager />, { wrapper })
    const row = await waitFor(() => rowNamed('Deploy bot'))
    // Revoke is offered as usual: only Roll is missing.
    expect(within(row).getByRole<HTMLButtonElement>('button', { name: /^Revoke Deploy bot\b/ }).disabled).toBe(false)
    expect(screen.queryByRole('button', { name: /^Roll / })).toBeNull()
    expect(screen.queryByText('Roll')).toBeNull()
  })
})
