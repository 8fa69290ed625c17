import type { IncomingMessage, ServerResponse } from 'node:http'
import { MAX_BODY_BYTES } from './body'
import type { FetchHandler } from './handler'
import { problemResponse } from './problem'

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /** Largest request body read into the Request; larger answers 413 (default 16 KiB). */
  maxBodyBytes?: number
}

/** A Node `http` request listener; Express and Connect accept it as middleware. */
export type NodeRequestListener = (req: IncomingMessage, res: ServerResponse) => void

const HOST_PATTERN = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/

class BodyTooLarge extends Error {}

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

function toRequest(req: IncomingMessage & { originalUrl?: string }, body: Uint8Array<ArrayBuffer> | null, signal: AbortSignal): Request {
  const host = typeof req.headers.host === 'string' && HOST_PATTERN.test(req.headers.host) ? req.headers.host : 'localhost'
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true
  const url = new URL(req.originalUrl ?? req.url ?? '/', `${encrypted ? 'https' : 'http'}://${host}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  return new Request(url, { method: req.method ?? 'GET', headers, body, signal })
}

async function send(res: ServerResponse, response: Response, extraHeaders: Record<string, string> = {}): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  res.writeHead(response.status, { ...headers, ...extraHeaders })
  if (response.body !== null) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk)
  }
  res.end()
}

/**
 * Serves a Fetch API handler from Node's `http` server or Express (mount it before any body
 * parser, which would consume the stream). The body is read with a limit while it streams: past
 * `maxBodyBytes` it answers 413 at once and closes the connection instead of buffering more.
 */
export function toNodeHandler(handler: FetchHandler, options: NodeHandlerOptions = {}): NodeRequestListener {
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES
  return (req, res) => {
    const aborter = new AbortController()
    res.once('close', () => {
      if (!res.writableFinished) aborter.abort()
    })
    const method = (req.method ?? 'GET').toUpperCase()
    const hasBody = method !== 'GET' && method !== 'HEAD'
    void (async () => {
      try {
        const body = hasBody ? await readBody(req, maxBytes) : null
        const response = await handler(toRequest(req, body !== null && body.byteLength > 0 ? body : null, aborter.signal))
        await send(res, response)
      } catch (error) {
        if (res.headersSent) {
          res.destroy(error instanceof Error ? error : undefined)
          return
        }
        const tooLarge = error instanceof BodyTooLarge
        const problem = tooLarge
          ? problemResponse({ status: 413, code: 'invalid_input', detail: `The request body is larger than ${maxBytes} bytes.` })
          : problemResponse({ status: 500, code: 'unknown', detail: 'The server could not complete the request.' })
        await send(res, problem, tooLarge ? { connection: 'close' } : {}).catch(() => res.destroy())
      }
    })()
  }
}
