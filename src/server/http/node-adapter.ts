import type { IncomingMessage, ServerResponse } from 'node:http'
import { MAX_BODY_BYTES } from './body'
import { errorListenerOf } from './error-listeners'
import type { FetchHandler } from './handler'
import { NodeRequest } from './node-request'
import { problemResponse, SERVER_FAULT_DETAIL } from './problem'

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /** Largest request body read into the Request; larger answers 413 (default 16 KiB). */
  maxBodyBytes?: number
  /**
   * Told about every error the adapter answers 500 for (or that breaks a response already started).
   * Defaults to the `onError` of a handler made by `createApiKeysHandler`.
   */
  onError?: (error: unknown) => void
}

/** A Node `http` request listener; Express and Connect accept it as middleware. */
export type NodeRequestListener = (req: IncomingMessage, res: ServerResponse) => void

// A Host header: a registered name or IPv4 address, or an IPv6 address in brackets, with an optional port.
const HOST_PATTERN = /^[A-Za-z0-9._-]+(?::\d{0,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{0,5})?$/
// A request target in absolute form (`http://host/path`), which a proxy may send: it starts with a scheme.
const ABSOLUTE_TARGET = /^[A-Za-z][A-Za-z0-9+.-]*:/
// Methods the Fetch API cannot carry: its Request refuses them, so no handler could ever serve them.
const UNSUPPORTED_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK'])

class BodyTooLarge extends Error {}

/** A request the adapter refuses itself, before any handler sees it (400 or 501). */
class RefusedRequest extends Error {
  constructor(
    readonly status: 400 | 501,
    readonly detail: string,
  ) {
    super(detail)
  }
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const declared = req.headers['content-length']
    if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
      req.resume()
      reject(new BodyTooLarge())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength
      if (size > maxBytes) {
        req.off('data', onData)
        req.resume()
        reject(new BodyTooLarge())
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    req.once('error', reject)
  })
}

/** `new URL(input)`, or the 400 for a request whose target or host no URL can hold. */
function parseUrl(detail: string, input: string): URL {
  try {
    return new URL(input)
  } catch {
    throw new RefusedRequest(400, detail)
  }
}

/**
 * The URL a request is for: its target in absolute form (only `http:` or `https:`, without a user name
 * or password), else its path on the Host header (`localhost` for HTTP/1.0 without one). A host that
 * is not a valid host (`a.1`, `999.1.1.1`, a port past 65535) is refused with 400.
 */
function requestUrl(req: IncomingMessage & { originalUrl?: string }): URL {
  const target = req.originalUrl ?? req.url ?? '/'
  if (ABSOLUTE_TARGET.test(target)) {
    const url = parseUrl('The request target is not a valid URL.', target)
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new RefusedRequest(400, 'The request target must be an http or https URL.')
    if (url.username !== '' || url.password !== '') {
      throw new RefusedRequest(400, 'The request target must not carry a user name or password.')
    }
    return url
  }
  const host = req.headers.host ?? 'localhost'
  if (!HOST_PATTERN.test(host)) throw new RefusedRequest(400, 'The Host header is not a valid host.')
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true
  const origin = `${encrypted ? 'https' : 'http'}://${host}`
  const path = target === '*' ? '/*' : target
  if (!path.startsWith('/')) {
    parseUrl('The Host header is not a valid host.', origin)
    throw new RefusedRequest(400, 'The request target is not a valid path.')
  }
  // Appended, not resolved: a path such as `//other.example/x` stays a path on this host. One
  // parse; only a failed one is parsed again, to tell a bad host from a bad path.
  const url = URL.parse(`${origin}${path}`)
  if (url !== null) return url
  parseUrl('The Host header is not a valid host.', origin)
  throw new RefusedRequest(400, 'The request target is not a valid path.')
}

/**
 * The next read of `reader` if the body has it ready in this turn of the event loop (a body
 * made from a string or bytes does), else null; `read` stays the read to wait for.
 */
function readyNow(
  read: Promise<ReadableStreamReadResult<Uint8Array>>,
): Promise<ReadableStreamReadResult<Uint8Array> | null> {
  return new Promise((resolve, reject) => {
    const later = setImmediate(() => resolve(null))
    read.then(
      (result) => {
        clearImmediate(later)
        resolve(result)
      },
      (error: unknown) => {
        clearImmediate(later)
        reject(error instanceof Error ? error : new Error('The response body failed.'))
      },
    )
  })
}

/** The most of a body that is held back to send in one write with its length; past it, the body streams. */
const ONE_WRITE_BYTES = 64 * 1024

async function send(res: ServerResponse, response: Response, extraHeaders: Record<string, string> = {}): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  Object.assign(headers, extraHeaders)
  if (response.body === null) {
    res.writeHead(response.status, headers).end()
    return
  }
  // A body that is complete at once (as one made from a string or bytes is) goes out with its
  // length in one write, as a plain node:http server sends it; a body still arriving streams.
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>
  const held: Uint8Array[] = []
  let heldBytes = 0
  let next = reader.read()
  for (let result = await readyNow(next); result !== null; result = await readyNow(next)) {
    if (result.done) {
      if (headers['content-length'] === undefined) headers['content-length'] = String(heldBytes)
      res.writeHead(response.status, headers).end(held.length === 1 ? held[0] : Buffer.concat(held))
      return
    }
    held.push(result.value)
    heldBytes += result.value.byteLength
    next = reader.read()
    if (heldBytes > ONE_WRITE_BYTES) break
  }
  res.writeHead(response.status, headers)
  for (const chunk of held) res.write(chunk)
  for (let result = await next; !result.done; result = await reader.read()) res.write(result.value)
  res.end()
}

/** The answer to an error thrown before the handler answered, and whether to close the connection. */
function answerFor(error: unknown, maxBytes: number): { response: Response; close: boolean; fault: boolean } {
  if (error instanceof BodyTooLarge) {
    const detail = `The request body is larger than ${maxBytes} bytes.`
    return { response: problemResponse({ status: 413, code: 'invalid_input', detail }), close: true, fault: false }
  }
  if (error instanceof RefusedRequest) {
    return {
      response: problemResponse({ status: error.status, code: 'invalid_input', detail: error.detail }),
      close: false,
      fault: false,
    }
  }
  const response = problemResponse({ status: 500, code: 'unknown', detail: SERVER_FAULT_DETAIL })
  return { response, close: false, fault: true }
}

/**
 * Serves a Fetch API handler from Node's `http` server or Express (mount it before any body
 * parser, which would consume the stream). The body is read with a limit while it streams: past
 * `maxBodyBytes` it answers 413 at once and closes the connection instead of buffering more. A
 * request no Fetch API Request can hold is refused without reaching the handler: a method such as
 * TRACE with 501, a Host or absolute target that is not a valid URL, or one with a user name or
 * password, with 400. Every other fault is a 500 that `onError` hears of.
 */
export function toNodeHandler(handler: FetchHandler, options: NodeHandlerOptions = {}): NodeRequestListener {
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES
  const onError = options.onError ?? errorListenerOf(handler)
  return (req, res) => {
    let request: NodeRequest | null = null
    let clientLeft = false
    res.once('close', () => {
      if (res.writableFinished) return
      clientLeft = true
      request?.abortSignal()
    })
    const method = (req.method ?? 'GET').toUpperCase()
    const hasBody = method !== 'GET' && method !== 'HEAD'
    void (async () => {
      try {
        if (UNSUPPORTED_METHODS.has(method))
          throw new RefusedRequest(501, `This server does not support the ${method} method.`)
        const url = requestUrl(req)
        const body = hasBody ? await readBody(req, maxBytes) : null
        request = new NodeRequest(req, url, body !== null && body.byteLength > 0 ? body : null, () => clientLeft)
        const response = await handler(request)
        await send(res, response)
      } catch (error) {
        // A client that went away is not a fault of the server; anything else is told.
        if (clientLeft) {
          res.destroy()
          return
        }
        if (res.headersSent) {
          onError?.(error)
          res.destroy(error instanceof Error ? error : undefined)
          return
        }
        const answer = answerFor(error, maxBytes)
        if (answer.fault) onError?.(error)
        await send(res, answer.response, answer.close ? { connection: 'close' } : {}).catch(() => res.destroy())
      }
    })()
  }
}
