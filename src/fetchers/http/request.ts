import { errorFromResponse, networkError, unexpectedAnswer, type ErrorBodyRules } from './errors'

/** The part of the Fetch API a fetcher uses: `globalThis.fetch` or any function shaped like it. */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>

/** One JSON request. */
export interface JsonRequest {
  method: 'GET' | 'POST' | 'PATCH'
  url: string
  headers: Record<string, string>
  /** Sent as JSON; left out for no body. */
  body?: unknown
  signal: AbortSignal
  credentials?: RequestCredentials
}

/** Calls the global `fetch` at call time (so it is never called unbound, and tests may replace it). */
export const globalFetch: FetchFunction = (input, init) => globalThis.fetch(input, init)

/** `baseUrl` without trailing slashes, so paths can be appended with one `/`. */
export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '')
}

/** A query string (with its `?`) from the defined values, or `''` when there are none. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) search.set(name, String(value))
  }
  const text = search.toString()
  return text === '' ? '' : `?${text}`
}

/**
 * Sends one request and answers its JSON body. Exactly one request is made: nothing is retried.
 * An abort rejects with the signal's reason (an `AbortError`), as `fetch` does; a request that gets no
 * answer rejects with a `network` error; an answer that is not OK rejects with the error
 * {@link errorFromResponse} maps it to; an OK answer that is not JSON rejects with `unknown`.
 */
export async function sendJson(
  fetchFn: FetchFunction,
  request: JsonRequest,
  rules: ErrorBodyRules = {},
): Promise<unknown> {
  request.signal.throwIfAborted()
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers }
  const init: RequestInit = { method: request.method, headers, signal: request.signal }
  if (request.credentials !== undefined) init.credentials = request.credentials
  if (request.body !== undefined) {
    headers['content-type'] = 'application/json'
    init.body = JSON.stringify(request.body)
  }
  let response: Response
  try {
    response = await fetchFn(request.url, init)
  } catch (error) {
    if (request.signal.aborted) throw request.signal.reason
    throw networkError(error)
  }
  if (!response.ok) throw await errorFromResponse(response, rules)
  try {
    return await response.json()
  } catch {
    if (request.signal.aborted) throw request.signal.reason
    throw unexpectedAnswer('not JSON')
  }
}
