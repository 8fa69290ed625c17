import { renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ApiKeysError, useAPIKeys } from '../../src/index'

describe('a hook outside <APIKeysProvider>', () => {
  it('throws a plain Error naming the Provider: a mistake in the code, not a failed request', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    let thrown: unknown
    try {
      renderHook(() => useAPIKeys())
    } catch (error) {
      thrown = error
    } finally {
      quiet.mockRestore()
    }
    expect(thrown).toBeInstanceOf(Error)
    expect(thrown).not.toBeInstanceOf(ApiKeysError)
    expect((thrown as Error).message).toMatch(/APIKeysProvider/)
  })
})
