// @vitest-environment node
import { createServer, request as httpRequest, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { createApiKeysHandler } from '../../src/server/http/handler'
import { toNodeHandler } from '../../src/server/http/node-adapter'
import { requireApiKey } from '../../src/server/http/require-api-key'
import { createApiKeyService } from '../../src/server/service/api-key-service'
import { createMemoryStore } from '../../src/server/stores/memory-store'

const service = createApiKeyService({ store: createMemoryStore() })
/** What the handler's `onError` heard. */
const errors: unknown[] = []
const apiKeys = toNodeHandler(
  createApiKeysHandler({
    service,
    basePath: '/api',
    createRateLimit: false,
    authenticate: (request) =>
      request.headers.get('x-user') ? { userId: request.headers.get('x-user') as string } : null,
    onError: (error) => errors.push(error),
  }),
)
/** A handler that fails outright, served with the adapter's own `onError`. */
const adapterErrors: unknown[] = []
const failing = toNodeHandler(() => Promise.reject(new Error('handler exploded')), {
  onError: (error) => adapterErrors.push(error),
})
const reports = toNodeHandler(async (request) => {
  const auth = await requireApiKey(request, { service, scopes: ['reports:read'] })
  if (auth instanceof Response) return auth
  const headers = new Headers({ 'content-type': 'application/json' })
  headers.append('set-cookie', 'a=1')
  headers.append('set-cookie', 'b=2')
  return new Response(JSON.stringify({ subject: auth.subject, url: request.url }), { headers })
})

/** A body still arriving: its first part at once, the rest when the test calls `finishStream`. */
let finishStream = (): void => undefined
const streaming = toNodeHandler(async () => {
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('first '))
      finishStream = () => {
        controller.enqueue(encoder.encode('last'))
        controller.close()
      }
    },
  })
  return new Response(body, { headers: { 'content-type': 'text/plain' } })
})

/** A promise and what settles it, for waiting on what happens inside the server. */
function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((settle) => (resolve = settle))
  return { promise, resolve }
}

/** What the handler behind /wait did and saw: it holds the request until its client has gone away. */
const waitingFor = {
  started: deferred(),
  clientGone: deferred(),
  /** Settles with `request.signal.aborted` as the handler saw it: at once through 'abort', or read after the client left. */
  sawAbort: deferred<boolean>(),
}
const waitingErrors: unknown[] = []
const waiting = toNodeHandler(
  async (request) => {
    if (new URL(request.url).searchParams.has('before')) {
      const { signal } = request
      waitingFor.started.resolve()
      await new Promise((resolve) => signal.addEventListener('abort', resolve))
      waitingFor.sawAbort.resolve(signal.aborted)
    } else {
      waitingFor.started.resolve()
      await waitingFor.clientGone.promise
      waitingFor.sawAbort.resolve(request.signal.aborted)
    }
    return new Response('nobody is listening')
  },
  { onError: (error) => waitingErrors.push(error) },
)

let server: Server
let base: string

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/reports')) {
      reports(req, res)
      return
    }
    if (req.url === '/stream') {
      streaming(req, res)
      return
    }
    if (req.url?.startsWith('/wait')) {
      res.once('close', () => waitingFor.clientGone.resolve())
      waiting(req, res)
      return
    }
    if (req.url === '/failing') {
      failing(req, res)
      return
    }
    // A request stream that breaks while the body is read.
    if (req.url === '/broken-stream') {
      apiKeys(req, res)
      req.emit('error', new Error('request stream broke'))
      return
    }
    // Express mounts rewrite req.url and keep originalUrl: the adapter routes on originalUrl.
    if (req.url?.startsWith('/mounted/')) {
      Object.assign(req, { originalUrl: req.url.slice('/mounted'.length), url: '/' })
    }
    apiKeys(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

/** A raw request, so the body can be streamed in chunks without a Content-Length. */
function rawPost(
  path: string,
  chunks: string[],
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}

/** The body of a chunked response: each chunk is its size in hex, CRLF, the data, CRLF; size 0 ends it. */
function unchunk(text: string): string {
  let body = ''
  let rest = text
  for (;;) {
    const end = rest.indexOf('\r\n')
    const size = parseInt(rest.slice(0, end), 16)
    if (!(size > 0)) return body
    body += rest.slice(end + 2, end + 2 + size)
    rest = rest.slice(end + 2 + size + 2)
  }
}

/** Writes `head` as is on a new connection and answers the status and body the server sends back. */
function rawRequest(head: string): Promise<{ status: number; contentType: string; body: string }> {
  const port = (server.address() as AddressInfo).port
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(head))
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const [headers = '', body = ''] = text.split('\r\n\r\n')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0)
      const contentType = /^content-type: *(.*)$/im.exec(headers)?.[1] ?? ''
      resolve({ status, contentType, body: /^transfer-encoding: *chunked/im.test(headers) ? unchunk(body) : body })
    })
  })
}

describe('toNodeHandler', () => {
  it('serves the handler over loopback HTTP, and an endpoint guarded by requireApiKey', async () => {
    const created = await fetch(`${base}/api/api-keys`, {
      method: 'POST',
      headers: { 'x-user': 'user_1', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'over http', scopes: ['reports:read'] }),
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('cache-control')).toBe('no-store')
    const key = (await created.json()) as { id: string; secret: string }
    const listed = await fetch(`${base}/api/api-keys?pageSize=5`, { headers: { 'x-user': 'user_1' } })
    expect(await listed.json()).toMatchObject({ totalCount: 1, data: [{ id: key.id }] })
    const mounted = await fetch(`${base}/mounted/api/api-keys/${key.id}`, { headers: { 'x-user': 'user_1' } })
    expect(await mounted.json()).toMatchObject({ id: key.id })

    const report = await fetch(`${base}/reports?x=1`, { headers: { authorization: `Bearer ${key.secret}` } })
    expect(report.status).toBe(200)
    expect(report.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(await report.json()).toEqual({ subject: 'user_1', url: `${base}/reports?x=1` })
    const refused = await fetch(`${base}/reports`, { headers: { 'x-api-key': 'sk_nope' } })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toContain('invalid_token')
  })

  it('sends a complete body with its length in one piece, and streams a body still arriving', async () => {
    const listed = await fetch(`${base}/api/api-keys`, { headers: { 'x-user': 'user_3' } })
    const text = await listed.text()
    expect(listed.headers.get('transfer-encoding')).toBeNull()
    expect(listed.headers.get('content-length')).toBe(String(Buffer.byteLength(text)))
    expect(JSON.parse(text)).toMatchObject({ totalCount: 0 })

    // The head and the first part arrive while the body is still open; the test then ends it.
    const streamed = await new Promise<{ encoding: string | undefined; parts: string[] }>((resolve, reject) => {
      const parts: string[] = []
      httpRequest(`${base}/stream`, (res) => {
        res.setEncoding('utf8')
        res.on('data', (part: string) => {
          parts.push(part)
          if (parts.length === 1) finishStream()
        })
        res.on('end', () => resolve({ encoding: res.headers['transfer-encoding'], parts }))
      })
        .on('error', reject)
        .end()
    })
    expect(streamed.encoding).toBe('chunked')
    expect(streamed.parts[0]).toBe('first ')
    expect(streamed.parts.join('')).toBe('first last')
  })

  it('answers 413 for a body over 16 KiB, whether declared or streamed in chunks, storing nothing', async () => {
    const big = JSON.stringify({ name: 'big', description: 'd'.repeat(17 * 1024) })
    const declared = await fetch(`${base}/api/api-keys`, {
      method: 'POST',
      headers: { 'x-user': 'user_2', 'content-type': 'application/json' },
      body: big,
    })
    expect(declared.status).toBe(413)
    expect(await declared.json()).toMatchObject({ status: 413, code: 'invalid_input' })
    const chunks = Array.from({ length: 18 }, (_, i) => (i === 0 ? '{"name":"big","description":"' : 'd'.repeat(1024)))
    const streamed = await rawPost('/api/api-keys', chunks, { 'x-user': 'user_2', 'transfer-encoding': 'chunked' })
    expect(streamed.status).toBe(413)
    expect((await service.list({ subject: 'user_2' })).totalCount).toBe(0)
    const small = await rawPost('/api/api-keys', ['{"name":', '"chunked ok"}'], {
      'x-user': 'user_2',
      'transfer-encoding': 'chunked',
    })
    expect(small.status).toBe(201)
  })

  it('answers 400 or 501, never 500, for requests no Fetch API Request can hold', async () => {
    const line = (method: string, target: string, host: string): string =>
      `${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nX-User: user_raw\r\nConnection: close\r\n\r\n`
    const cases: [string, number][] = [
      [line('TRACE', '/api/api-keys', 'localhost'), 501],
      [line('GET', '/api/api-keys', 'localhost:99999'), 400],
      [line('GET', '/api/api-keys', 'a.1'), 400],
      [line('GET', '/api/api-keys', '[1.2.3.4]'), 400],
      [line('GET', '/api/api-keys', '999.1.1.1'), 400],
      [line('GET', '/api/api-keys', '1.2.3.4.5'), 400],
      [line('GET', 'http://a.1/api/api-keys', 'localhost'), 400],
      [line('GET', 'http://user:pass@localhost/api/api-keys', 'localhost'), 400],
      [line('POST', 'http://user:pass@localhost/api/api-keys', 'localhost'), 400],
    ]
    for (const [head, status] of cases) {
      const answer = await rawRequest(head)
      const label = head.split('\r\n').slice(0, 2).join(' | ')
      expect(answer.status, label).toBe(status)
      expect(answer.contentType, label).toBe('application/problem+json')
      expect(JSON.parse(answer.body), label).toMatchObject({ status, code: 'invalid_input' })
    }
    // What still works: an absolute target naming a valid host, a host with an underscore, HTTP/1.0 without Host.
    expect((await rawRequest(line('GET', 'http://127.0.0.1/api/api-keys', 'ignored.example'))).status).toBe(200)
    expect((await rawRequest(line('GET', '/api/api-keys', 'api_service:8080'))).status).toBe(200)
    expect((await rawRequest('GET /api/api-keys HTTP/1.0\r\nX-User: user_raw\r\n\r\n')).status).toBe(200)
    // A path that looks like another host stays a path on this one.
    expect(JSON.parse((await rawRequest(line('GET', '//evil.example/reports', 'localhost'))).body)).toMatchObject({
      status: 404,
    })
    expect(errors).toEqual([])
  })

  it('tells onError of every 500 it answers: its own option, else the handler’s', async () => {
    const failed = await fetch(`${base}/failing`)
    expect(failed.status).toBe(500)
    expect(await failed.json()).toMatchObject({
      status: 500,
      code: 'unknown',
      detail: 'The server could not complete the request.',
    })
    expect(adapterErrors).toEqual([new Error('handler exploded')])

    const broken = await fetch(`${base}/broken-stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"x"}',
    })
    expect(broken.status).toBe(500)
    expect(errors).toEqual([new Error('request stream broke')])
  })

  it.each(['before', 'after'])(
    'aborts request.signal when the client goes away, the handler reading it %s the client left',
    async (when) => {
      Object.assign(waitingFor, { started: deferred(), clientGone: deferred(), sawAbort: deferred<boolean>() })
      const leaving = httpRequest(`${base}/wait?${when}`)
      leaving.on('error', () => undefined)
      leaving.end()
      await waitingFor.started.promise
      leaving.destroy()
      expect(await waitingFor.sawAbort.promise).toBe(true)
      // A client that went away is not a fault of the server.
      expect(waitingErrors).toEqual([])
    },
  )
})
