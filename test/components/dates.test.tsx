import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { APIKeysManager, deMessages, intlRelativeTime } from '../../src/index'
import { DAY, USER, setupKit } from '../helpers/kit'
import { HOUR, MINUTE, cellOf, rowNamed } from './helpers'

const created = new Date(Date.now() - 5 * MINUTE)

describe('APIKeysManager: dates', () => {
  it('shows the exact date and time as the title of a date the pointer reaches', async () => {
    const { wrapper } = setupKit({
      provider: { locale: 'en-US' },
      seed: [{ name: 'Deploy', subject: USER, createdAt: created }],
    })
    render(<APIKeysManager />, { wrapper })
    await screen.findByRole('rowheader', { name: 'Deploy' })
    const date = screen.getByText('5 minutes ago')
    expect(date.getAttribute('datetime')).toBe(created.toISOString())

    await userEvent.hover(date)
    expect(date.getAttribute('title')).toBe(
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(created),
    )
  })

  it('never words a past event as future when the clock the table reads lags behind', async () => {
    // The table reads a clock refreshed once a minute, which a late timer or a throttled background tab
    // leaves behind: these events happened 90 seconds after its last reading.
    const justNow = new Date(Date.now() + 90_000)
    const { wrapper } = setupKit({
      seed: [
        {
          name: 'Fresh',
          subject: USER,
          createdAt: justNow,
          lastUsedAt: justNow,
          expiration: new Date(Date.now() + 31 * DAY + HOUR),
        },
        { name: 'Gone', subject: USER, createdAt: created, revokedAt: justNow },
      ],
    })
    render(<APIKeysManager />, { wrapper })
    await screen.findByRole('rowheader', { name: 'Fresh' })
    const fresh = rowNamed('Fresh')
    expect(cellOf(fresh, 'Created').textContent).toBe('now')
    expect(cellOf(fresh, 'Last used').textContent).toBe('now')
    // An expiry lies ahead: it still reads as future.
    expect(cellOf(fresh, 'Expires').textContent).toBe('in 1 month')
    expect(cellOf(rowNamed('Gone'), 'Expires').textContent).toBe('Revoked now')
  })

  it('words dates in German with the German strings', async () => {
    const now = Date.now()
    const { wrapper } = setupKit({
      provider: { locale: 'de-DE', localization: deMessages },
      seed: [
        {
          name: 'Deploy',
          subject: USER,
          createdAt: created,
          lastUsedAt: new Date(now - 2 * HOUR),
          expiration: new Date(now + 3 * DAY + HOUR),
        },
      ],
    })
    render(<APIKeysManager />, { wrapper })
    await screen.findByRole('rowheader', { name: 'Deploy' })
    const row = rowNamed('Deploy')
    expect(cellOf(row, 'Erstellt').textContent).toBe('vor 5 Minuten')
    expect(cellOf(row, 'Läuft ab').textContent).toBe('in 3 Tagen')
    expect(cellOf(row, 'Zuletzt verwendet').textContent).toBe('vor 2 Stunden')

    const date = screen.getByText('vor 5 Minuten')
    await userEvent.hover(date)
    expect(date.getAttribute('title')).toBe(
      new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(created),
    )
  })

  it('words dates with Intl in a language the kit has no strings for', async () => {
    const { wrapper } = setupKit({
      provider: { locale: 'fr', localization: { relativeTime: intlRelativeTime('fr') } },
      seed: [{ name: 'Deploy', subject: USER, createdAt: created }],
    })
    render(<APIKeysManager />, { wrapper })
    await screen.findByRole('rowheader', { name: 'Deploy' })
    expect(cellOf(rowNamed('Deploy'), 'Created').textContent).toBe('il y a 5 minutes')
  })
})
