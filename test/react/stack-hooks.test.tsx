import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { Suspense } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isWellFormedApiKey, useApiKeys, useCreateApiKey, useTeamApiKeys, type StackApiKey } from '../../src/index'
import { DAY, ORG, USER, cacheText, setupKit } from '../helpers/kit'

afterEach(() => {
  vi.useRealTimers()
})

function KeyList({ keys }: { keys: StackApiKey[] }) {
  return (
    <ul>
      {keys.map((key) => (
        <li key={key.id}>{`${key.description} …${key.value.lastFour} ${key.whyInvalid() ?? 'valid'}`}</li>
      ))}
    </ul>
  )
}

function UserKeys() {
  return <KeyList keys={useApiKeys()} />
}

describe('Stack-style hooks', () => {
  it('suspends until the user’s keys are loaded, then gives key objects', async () => {
    const now = Date.now()
    const { wrapper } = setupKit({
      latencyMs: 20,
      seed: [
        { name: 'Valid', subject: USER, lastFour: 'aaaa', expiration: new Date(now + 30 * DAY) },
        { name: 'Old', subject: USER, lastFour: 'bbbb', expiration: new Date(now - DAY) },
        {
          name: 'Both',
          subject: USER,
          lastFour: 'cccc',
          expiration: new Date(now - DAY),
          revokedAt: new Date(now - 2 * DAY),
        },
        { name: 'Team key', subject: ORG, subjectKind: 'team' },
      ],
    })
    render(
      <Suspense fallback={<p>Loading keys</p>}>
        <UserKeys />
      </Suspense>,
      { wrapper },
    )
    expect(document.body.textContent).toBe('Loading keys')
    // The user's three keys, each saying why it is invalid; the team's key is not among them.
    const shown = await screen.findAllByRole('listitem')
    expect(shown.map((item) => item.textContent).sort()).toEqual([
      'Both …cccc manually-revoked',
      'Old …bbbb expired',
      'Valid …aaaa valid',
    ])
  })

  it('judges validity when asked, so a key that expires while on screen turns invalid', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1), shouldAdvanceTime: true })
    const { wrapper, memory } = setupKit({
      seed: [{ name: 'Brief', subject: USER, expiration: new Date(Date.UTC(2026, 0, 1, 0, 5)) }],
    })
    const { result } = renderHook(() => useApiKeys(), { wrapper })
    await waitFor(() => expect(result.current).toHaveLength(1))
    const [key] = result.current
    expect(key?.isValid()).toBe(true)
    expect(key).toMatchObject({ type: 'user', userId: USER, description: 'Brief', manuallyRevokedAt: null })
    vi.setSystemTime(Date.UTC(2026, 0, 1, 0, 5))
    expect(key?.isValid()).toBe(false)
    expect(key?.whyInvalid()).toBe('expired')
    expect(memory.calls.list).toBe(1)
  })

  it('revokes and renames through the key objects', async () => {
    const { wrapper } = setupKit({ seed: [{ name: 'Mine', subject: USER }] })
    const { result } = renderHook(() => useApiKeys(), { wrapper })
    await waitFor(() => expect(result.current).toHaveLength(1))
    await act(() => result.current[0]?.update({ description: 'Renamed' }) ?? Promise.resolve())
    await waitFor(() => expect(result.current[0]?.description).toBe('Renamed'))
    await act(() => result.current[0]?.revoke() ?? Promise.resolve())
    await waitFor(() => expect(result.current[0]?.whyInvalid()).toBe('manually-revoked'))
    expect(result.current[0]?.manuallyRevokedAt).toBeInstanceOf(Date)
  })

  it('lists a team’s keys, without judging permissions itself', async () => {
    const { wrapper, memory } = setupKit({
      seed: [
        { name: 'Team key', subject: ORG, subjectKind: 'team' },
        { name: 'Mine', subject: USER },
      ],
      provider: { teams: [{ id: ORG, displayName: 'Acme', permissions: [] }] },
    })
    const { result } = renderHook(() => useTeamApiKeys(ORG), { wrapper })
    await waitFor(() => expect(result.current).toHaveLength(1))
    expect(result.current[0]).toMatchObject({ type: 'team', teamId: ORG, description: 'Team key' })
    expect(memory.calls.list).toBe(1)
  })

  it('creates a first-view key whose value is the secret, kept out of the cache', async () => {
    const { wrapper, queryClient } = setupKit()
    const { result } = renderHook(
      () => ({ create: useCreateApiKey(), keys: useApiKeys(), teamCreate: useCreateApiKey({ teamId: ORG }) }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.keys).toEqual([]))
    const expiresAt = new Date(Date.now() + 7 * DAY)
    const first = await act(() => result.current.create({ description: 'CLI', expiresAt }))
    expect(typeof first.value).toBe('string')
    expect(isWellFormedApiKey(first.value)).toBe(true)
    expect(first).toMatchObject({ type: 'user', userId: USER, description: 'CLI' })
    expect(Math.abs((first.expiresAt?.getTime() ?? 0) - expiresAt.getTime())).toBeLessThan(1500)
    await waitFor(() => expect(result.current.keys[0]?.value).toEqual({ lastFour: first.value.slice(-4) }))
    expect(cacheText(queryClient)).not.toContain(first.value)
    const team = await act(() => result.current.teamCreate({ description: 'Team CLI', expiresAt: null }))
    expect(team).toMatchObject({ type: 'team', teamId: ORG, expiresAt: undefined })
  })

  it('refuses an expiry date in the past before sending anything', async () => {
    const { wrapper, memory } = setupKit()
    const { result } = renderHook(() => useCreateApiKey(), { wrapper })
    await expect(result.current({ description: 'Late', expiresAt: new Date(Date.now() - 1000) })).rejects.toMatchObject(
      {
        code: 'invalid_input',
        issues: [{ field: 'secondsUntilExpiration', reason: 'in_past' }],
      },
    )
    expect(memory.calls.create).toBe(0)
  })
})
