import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import {
  deMessages,
  KeyDetailsSheet,
  TeamApiKeysSection,
  useAPIKeys,
  type APIKeyResource,
  type TeamInfo,
} from '../../src/index'
import { DAY, USER, setupKit } from '../helpers/kit'
import { HOUR, cellOf, findOpenedDialog, rowNamed } from './helpers'

const GERMAN = { locale: 'de-DE', localization: deMessages }
const TEAMS: TeamInfo[] = [{ id: 'team_ops', displayName: 'Acme Ops', permissions: ['$manage_api_keys'] }]

/** What the sheet shows for `term`: the text of its line, or null when it has none. */
function fact(sheet: HTMLElement, term: string): string | null {
  const dt = within(sheet)
    .queryAllByRole('term')
    .find((candidate) => candidate.textContent === term)
  return dt?.nextElementSibling?.textContent ?? null
}

describe('German wording', () => {
  it('says when a key was revoked with the time first, and names the signed-in user as German needs', async () => {
    const now = Date.now()
    const teamKey = (name: string, revokedAt: Date) => ({
      name,
      subject: 'team_ops',
      subjectKind: 'team' as const,
      createdAt: new Date(now - 10 * DAY),
      createdBy: USER,
      revokedAt,
      revokedBy: USER,
    })
    const { wrapper } = setupKit({
      seed: [
        teamKey('Eben', new Date(now - 10_000)),
        teamKey('Gestern', new Date(now - DAY - HOUR)),
        teamKey('Letzte Woche', new Date(now - 3 * DAY)),
      ],
      provider: { ...GERMAN, teams: TEAMS },
    })
    const user = userEvent.setup({ delay: null })
    render(<TeamApiKeysSection teamId="team_ops" />, { wrapper })
    await screen.findByRole('rowheader', { name: /^Gestern\b/ })

    expect(cellOf(rowNamed('Eben'), 'Läuft ab').textContent).toBe('Gerade eben gesperrt')
    expect(cellOf(rowNamed('Gestern'), 'Läuft ab').textContent).toBe('Gestern gesperrt')
    expect(cellOf(rowNamed('Letzte Woche'), 'Läuft ab').textContent).toBe('Vor 3 Tagen gesperrt')
    // Alone in its cell under "Erstellt von": the nominative.
    expect(cellOf(rowNamed('Gestern'), 'Erstellt von').textContent).toBe('Sie')

    // In the details the user reads on from the term: "Erstellt von Ihnen", "Gesperrt von Ihnen".
    await user.click(within(rowNamed('Gestern')).getByRole('button', { name: /^Details zu Gestern\b/ }))
    const sheet = await findOpenedDialog('dialog', 'Gestern')
    expect(fact(sheet, 'Erstellt von')).toBe('Ihnen')
    expect(fact(sheet, 'Gesperrt von')).toBe('Ihnen')
  })

  it('names the two keys of a roll as predecessor and successor, and offers to revoke the old one now', async () => {
    const { wrapper, memory } = setupKit({
      seed: [{ name: 'Prod', subject: USER, lastFour: 'AAAA' }],
      provider: GERMAN,
    })
    const signal = new AbortController().signal
    const [old] = (await memory.list({ subject: USER, subjectKind: 'user', query: '', page: 1, pageSize: 5, signal }))
      .data
    const rolled = await memory.roll?.({
      subject: USER,
      subjectKind: 'user',
      apiKeyId: old?.id ?? '',
      gracePeriodSeconds: 3600,
      signal,
    })
    const masked = `sk_…${(rolled?.replacement as APIKeyResource).lastFour}`
    const user = userEvent.setup({ delay: null })
    function OldKey() {
      const { data } = useAPIKeys({ pageSize: 10 })
      return (
        <KeyDetailsSheet
          apiKey={data.find((key) => key.id === old?.id) ?? null}
          onClose={() => undefined}
          onRevoke={vi.fn()}
        />
      )
    }
    render(<OldKey />, { wrapper })
    const sheet = await findOpenedDialog('dialog', 'Prod')
    expect(fact(sheet, 'Nachfolger')).toBe(masked)
    expect(fact(sheet, 'Vorgänger')).toBeNull()
    expect(within(sheet).getByRole('button', { name: 'Jetzt sperren' })).toBeDefined()

    await user.click(within(sheet).getByRole('button', { name: `Details von ${masked} anzeigen` }))
    await waitFor(() => expect(fact(sheet, 'Vorgänger')).toBe('sk_…AAAA'))
    expect(fact(sheet, 'Nachfolger')).toBeNull()
    expect(within(sheet).getByRole('button', { name: 'Sperren' })).toBeDefined()
  })
})
