import { describe, expect, it } from 'vitest'
import { API_KEYS_ERROR_CODES, ApiKeysError } from '../../src/core/errors'
import { errorFromResponse } from '../../src/fetchers/http/errors'
import { deMessages, enMessages } from '../../src/index'
import { problemFromError } from '../../src/server/http/problem'
import { StoreError } from '../../src/server/stores/errors'

function problem(status: number, body: object, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  })
}

describe('one sentence for each error code', () => {
  it('gives an error without a message the sentence a user reads for its code', () => {
    for (const code of API_KEYS_ERROR_CODES) expect(new ApiKeysError(code).message).toBe(enMessages.errors[code])
  })

  it('has a sentence for every code in each language, each different', () => {
    for (const messages of [enMessages, deMessages]) {
      const sentences = API_KEYS_ERROR_CODES.map((code) => messages.errors[code])
      expect(sentences.every((sentence) => sentence.trim().length > 0)).toBe(true)
      expect(new Set(sentences).size).toBe(API_KEYS_ERROR_CODES.length)
    }
  })
})

describe('error codes that say what happened', () => {
  it('tells nobody signed in (401) from not allowed (403)', async () => {
    expect(await errorFromResponse(new Response(null, { status: 401 }))).toMatchObject({
      code: 'unauthenticated',
      status: 401,
      message: 'Sign in to manage API keys.',
    })
    expect(await errorFromResponse(new Response(null, { status: 403 }))).toMatchObject({ code: 'forbidden' })
    const kit = await errorFromResponse(problem(401, { code: 'unauthenticated', detail: 'Log in first.' }), {
      problemJson: true,
    })
    expect(kit).toMatchObject({ code: 'unauthenticated', message: 'Log in first.' })
  })

  it('says a backend cannot do something (501) and that a service is down for a while (503, Retry-After)', async () => {
    expect(await errorFromResponse(new Response(null, { status: 501 }))).toMatchObject({ code: 'unsupported' })
    const down = await errorFromResponse(new Response(null, { status: 503, headers: { 'retry-after': '7' } }))
    expect(down).toMatchObject({ code: 'unavailable', status: 503, retryAfterSeconds: 7 })
    expect(new ApiKeysError('unsupported')).toMatchObject({ status: 501 })
  })

  it("answers a database that is down as the kit's 503 `unavailable`, which the REST fetcher reads back", async () => {
    const answer = problemFromError(new StoreError('unavailable', 'connection refused'))
    expect(answer.status).toBe(503)
    expect(answer.headers.get('retry-after')).toBe('5')
    const read = await errorFromResponse(answer.clone(), { problemJson: true })
    expect(read).toMatchObject({ code: 'unavailable', retryAfterSeconds: 5, message: enMessages.errors.unavailable })
    expect(await answer.json()).toMatchObject({ code: 'unavailable', detail: enMessages.errors.unavailable })
  })

  it('keeps only the issues of fields and reasons the kit knows', async () => {
    const body = {
      code: 'invalid_input',
      detail: 'No.',
      issues: [
        { field: 'gracePeriodSeconds', reason: 'too_far', limit: 9 },
        { field: 'password', reason: 'required' },
        { field: 'name', reason: 'made_up' },
      ],
    }
    const error = await errorFromResponse(problem(400, body), { problemJson: true })
    expect(error.issues).toEqual([
      { field: 'gracePeriodSeconds', reason: 'too_far', limit: 9 },
      { field: 'name', reason: 'invalid' },
    ])
  })
})
