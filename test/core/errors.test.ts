import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../src/core/hash'
import { asApiKeysError } from '../../src/core/errors'
import { networkError } from '../../src/fetchers/http/errors'
import { ApiKeysError, generateApiKey, toApiKeysError } from '../../src/index'

describe('ApiKeysError', () => {
  it('carries a stable code and an HTTP-like status', () => {
    expect(new ApiKeysError('conflict', 'taken')).toMatchObject({ code: 'conflict', status: 409, message: 'taken' })
    expect(new ApiKeysError('rate_limited', 'slow down', { retryAfterSeconds: 30 })).toMatchObject({
      status: 429,
      retryAfterSeconds: 30,
    })
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
    expect(toApiKeysError(undefined)).toMatchObject({
      code: 'unknown',
      message: 'Something went wrong. Please try again.',
    })
  })
})

describe('ApiKeysError in a log', () => {
  /** An error as a database driver throws it: the statement's parameters and a nested cause. */
  function driverError(secret: string, hash: string): Error {
    const inner = new Error(`socket closed while sending ${secret}`)
    return Object.assign(
      new Error(`duplicate key value violates unique constraint: Key (secret_hash)=(${hash})`, { cause: inner }),
      {
        name: 'DatabaseError',
        code: '23505',
        query: 'insert into api_keys (secret_hash) values ($1)',
        params: [hash, secret],
      },
    )
  }

  it('prints neither the secret nor its hash through the cause, however deep it is inspected', async () => {
    const secret = generateApiKey()
    const hash = await sha256Hex(secret)
    const thrown = driverError(secret, hash)
    const errors = [
      new ApiKeysError('unknown', 'Could not save the key.', { cause: thrown }),
      toApiKeysError(thrown),
      toApiKeysError(new TypeError(`fetch failed for https://api.example/keys?token=${secret}`, { cause: thrown })),
      networkError(thrown),
      await asApiKeysError(() => Promise.reject(thrown)).catch((error: unknown) => error),
    ]
    for (const error of errors) {
      const printed = inspect(error, { depth: Infinity, showHidden: true })
      expect(printed).not.toContain(secret)
      expect(printed).not.toContain(hash)
      expect(JSON.stringify(error)).not.toContain(hash)
    }
  })

  it('keeps the name and code of the cause, for telling faults apart', () => {
    const error = toApiKeysError(driverError(generateApiKey(), 'f'.repeat(64)))
    expect(error).toMatchObject({ code: 'unknown', cause: { name: 'DatabaseError', code: '23505' } })
    expect(error.message).toBe('duplicate key value violates unique constraint: Key (secret_hash)=([redacted])')
    expect(toApiKeysError(new TypeError('Failed to fetch')).cause).toEqual({ name: 'TypeError' })
    expect(toApiKeysError('plain text').cause).toEqual({ name: 'string' })
  })
})
