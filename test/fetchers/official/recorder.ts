/**
 * A recording `fetch` that both an official client and the kit's fetcher are run on, so their
 * requests can be compared field by field. It answers from a small route table.
 */
import type { FetchFunction } from '../../../src/index'

/** One request as sent. */
export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  /** The JSON body, parsed; undefined for none. */
  body: unknown
}

/** Answers a request: the JSON to send back with status 200. */
export type Route = (request: RecordedRequest) => unknown

export interface Recorder {
  fetch: FetchFunction
  /** Every request so far, in order. */
  requests: RecordedRequest[]
  /** The requests since the last call, and forgets them. */
  take(): RecordedRequest[]
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const headers: Record<string, string> = {}
  new Headers(init?.headers).forEach((value, name) => (headers[name] = value))
  return headers
}

function bodyOf(init: RequestInit | undefined): unknown {
  return typeof init?.body === 'string' && init.body !== '' ? (JSON.parse(init.body) as unknown) : undefined
}

/** A recorder whose answers come from `route`; a route that throws fails the request loudly. */
export function createRecorder(route: Route): Recorder {
  const requests: RecordedRequest[] = []
  let taken = 0
  const fetch: FetchFunction = async (input, init) => {
    const url = new URL(String(input))
    const request: RecordedRequest = {
      method: (init?.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: headersOf(init),
      body: bodyOf(init),
    }
    requests.push(request)
    const json = route(request)
    return new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' } })
  }
  return {
    fetch,
    requests,
    take: () => {
      const since = requests.slice(taken)
      taken = requests.length
      return since
    },
  }
}

/** An unsigned JWT with `payload`: the official clients decode their tokens, they never verify them. */
export function unsignedJwt(payload: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.${part('unsigned')}`
}
