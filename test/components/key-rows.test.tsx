import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { APIKeysManager, deMessages, type ApiKeysFetcher, type MemoryFetcher } from '../../src/index'
import { DAY, USER, seedKeys, setupKit } from '../helpers/kit'
import { cellOf, rowNamed, rowsNamed } from './helpers'

const signal = new AbortController().signal

/** Rolls the key named `name` (on page `page` of ten) in the backend, before anything is rendered. */
async function rollInBackend(memory: MemoryFetcher, name: string, page: number) {
  const listed = await memory.list({ subject: USER, subjectKind: 'user', query: '', page, pageSize: 10, signal })
  const old = listed.data.find((key) => key.name === name)
  if (!old) throw new Error(`No key named ${name} on page ${page}`)
  const { replacement } = await memory.roll({
    subject: USER,
    subjectKind: 'user',
    apiKeyId: old.id,
    gracePeriodSeconds: DAY / 1000,
    signal,
  })
  return { old, replacement }
}

/** A backend that, like some custom fetchers, says that a key was revoked but not when. */
function withoutRevokedAt(memory: MemoryFetcher): ApiKeysFetcher {
  return {
    ...memory,
    list: async (params) => {
      const page = await memory.list(params)
      return { ...page, data: page.data.map((key) => ({ ...key, revokedAt: null })) }
    },
  }
}

describe('APIKeysManager: the rows of the table', () => {
  it('after a roll, names every button of the table differently, the name buttons by their last four', async () => {
    const { memory, wrapper } = setupKit({ seed: seedKeys(USER, 2, 'Deploy') })
    const { old, replacement } = await rollInBackend(memory, 'Deploy 1', 1)
    render(<APIKeysManager />, { wrapper })
    await screen.findByRole('rowheader', { name: 'Deploy 2' })

    const table = screen.getByRole('table', { name: 'API keys' })
    const names = within(table)
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label') ?? button.textContent)
    expect(new Set(names).size).toBe(names.length)
    // The name button says what it shows, then the last four.
    for (const { lastFour } of [old, replacement]) {
      expect(within(table).getByRole('button', { name: `Deploy 1 (…${lastFour})` }).textContent).toBe('Deploy 1')
    }
  })

  it('says only "Revoked" where a revoked key’s expiry stood when the backend does not say when', async () => {
    const now = Date.now()
    const seed = [
      {
        name: 'Gone',
        subject: USER,
        createdAt: new Date(now - 10 * DAY),
        expiration: new Date(now + 90 * DAY),
        revokedAt: new Date(now - DAY),
      },
    ]
    const { memory } = setupKit({ seed })
    const { wrapper } = setupKit({ seed, provider: { fetcher: withoutRevokedAt(memory) } })
    render(<APIKeysManager />, { wrapper })
    await screen.findByRole('rowheader', { name: 'Gone' })
    expect(cellOf(rowNamed('Gone'), 'Expires').textContent).toBe('Revoked')
  })

  it('says "Gesperrt" there in German', async () => {
    const seed = [{ name: 'Weg', subject: USER, expiration: new Date(Date.now() + 90 * DAY), revokedAt: new Date() }]
    const { memory } = setupKit({ seed })
    const { wrapper } = setupKit({
      seed,
      provider: { fetcher: withoutRevokedAt(memory), locale: 'de-DE', localization: deMessages },
    })
    render(<APIKeysManager />, { wrapper })
    await screen.findByRole('rowheader', { name: 'Weg' })
    expect(cellOf(rowNamed('Weg'), deMessages.columnExpires).textContent).toBe('Gesperrt')
  })

  it('names a rolling-over key’s replacement when it is on another page that was loaded', async () => {
    // Eleven keys: the oldest, on page 2, is rolled; its replacement is the newest key, on page 1.
    const { memory, wrapper } = setupKit({ seed: seedKeys(USER, 11) })
    const { replacement } = await rollInBackend(memory, 'Key 1', 2)
    const user = userEvent.setup({ delay: null })
    render(<APIKeysManager />, { wrapper })
    await screen.findByRole('rowheader', { name: 'Key 11' })
    expect(rowsNamed('Key 1')).toHaveLength(1)

    await user.click(screen.getByRole('button', { name: 'Next' }))
    await screen.findByRole('rowheader', { name: 'Key 2' })
    expect(cellOf(rowNamed('Key 1'), 'Expires').textContent).toMatch(
      new RegExp(`^Rolling over: stops .+ → replaced by sk_…${replacement.lastFour}$`),
    )
  })

  it('says "a new key" when the replacement’s page was never loaded: the table only reads the cache', async () => {
    const { memory, wrapper } = setupKit({ seed: seedKeys(USER, 11) })
    await rollInBackend(memory, 'Key 1', 2)
    render(<APIKeysManager page={2} />, { wrapper })
    await screen.findByRole('rowheader', { name: 'Key 2' })
    expect(cellOf(rowNamed('Key 1'), 'Expires').textContent).toMatch(/^Rolling over: stops .+ → replaced by a new key$/)
  })
})
