import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { APIKeysManager } from '../../src/index'
import { USER, seedKeys, setupKit } from '../helpers/kit'

/** Lets every promise that is already settled run its callbacks, without letting a timer fire. */
async function settlePromises(): Promise<void> {
  await act(async () => {
    for (let turn = 0; turn < 50; turn++) await Promise.resolve()
  })
}

describe('the first page, as soon as it arrives', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows the keys when the backend answers, not a timer later (so no loading frame is painted in between)', async () => {
    // No timer fires in this test: TanStack tells its observers through a setTimeout, which would wait.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    const { wrapper } = setupKit({ seed: seedKeys(USER, 3, 'Deploy key') })
    render(<APIKeysManager />, { wrapper })
    await settlePromises()
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([
      expect.stringContaining('Deploy key 3'),
      expect.stringContaining('Deploy key 2'),
      expect.stringContaining('Deploy key 1'),
    ])
    expect(vi.getTimerCount()).toBeGreaterThan(0)
  })
})
