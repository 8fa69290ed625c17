import { describe, expect, it } from 'vitest'
import { ApiKeysError, generateApiKey, toApiKeysError } from '../../src/index'

describe('ApiKeysError', () => {
  it('carries a stable code and an HTTP-like status', () => {
    expect(new ApiKeysError('conflict', 'taken')).toMatchObject({ code: 'conflict', status: 409, message: 'taken' })
    expect(new ApiKeysError('rate_limited', 'slow down', { retryAfterSeconds: 30 })).toMatchObject({ status: 429, retryAfterSeconds: 30 })
  })

  it('never keeps a secret in its message', () => {
    const secret = generateApiKey()
    const error = new ApiKeysError('unknown', `backend said: bad key ${secret}`)
    expect(error.message).not.toContain(secret)
    expect(toApiKeysError(new Error(`boom ${secret}`)).message).not.toContain(secret)
  })

  it('maps what fetch throws to a network error a user understands', () => {
    const offline = toApiKeysError(new TypeError('Failed to fetch'))
    expect(offline.code).toBe('network')
    expect(offline.message).toMatch(/could not reach the server/i)
    expect(toApiKeysError(new DOMException('aborted', 'AbortError')).code).toBe('network')
  })

  it('keeps an ApiKeysError as it is and wraps anything else as unknown', () => {
    const original = new ApiKeysError('forbidden', 'no')
    expect(toApiKeysError(original)).toBe(original)
    expect(toApiKeysError('weird')).toMatchObject({ code: 'unknown', message: 'weird' })
    expect(toApiKeysError(undefined)).toMatchObject({ code: 'unknown', message: 'Something went wrong.' })
  })
})
