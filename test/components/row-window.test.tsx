import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { APIKeysManager } from '../../src/index'
import { USER, seedKeys, setupKit } from '../helpers/kit'

const realHeight = window.innerHeight
const setViewportHeight = (height: number): void => {
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: height })
}

afterEach(() => setViewportHeight(realHeight))

describe('APIKeysManager: a long page of keys', () => {
  it.each([
    [400, 10],
    [1200, 30],
  ])('first renders as many rows as a %i px viewport can hold, not the whole page', async (height, rows) => {
    setViewportHeight(height)
    const { wrapper } = setupKit({ seed: seedKeys(USER, 100) })
    render(<APIKeysManager pageSize={100} />, { wrapper })
    // Rows are at least 40 px tall, so this many fill the viewport before any row is measured.
    expect(await screen.findAllByRole('rowheader')).toHaveLength(rows)
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('101')
  })
})
