/**
 * Verify over HTTP on loopback for the server table bench: an endpoint guarded by `requireApiKey`
 * and served by `toNodeHandler`, the same endpoint guarded by `requireApiKeyMiddleware` on node:http,
 * and their floors: a bare `node:http` server that reads the
 * Authorization header, hashes it (SHA-256) and looks the hash up in a Map, and the same work as a
 * Fetch handler with Node's own Request and Response (plain Fetch). All are loaded the
 * same way, from another process (bench/server-http-load.ts), so the server has this one to
 * itself: 16 callers on keep-alive connections, for a fixed time.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { toNodeHandler } from '../src/server/http/node-adapter'
import { requireApiKey } from '../src/server/http/require-api-key'
import { requireApiKeyMiddleware, type ApiKeyRequest } from '../src/server/http/require-api-key-middleware'
import type { ApiKeyService } from '../src/server/service/api-key-service'
import type { RateFigure } from './server-timing'
import { floorSha256 } from './floor-hash'

/** Callers at once. */
export const HTTP_CONCURRENCY = 16

/** The guarded endpoint as an app would write it. */
function guarded(service: ApiKeyService): RequestListener {
  return toNodeHandler(async (incoming) => {
    const auth = await requireApiKey(incoming, { service, scopes: ['read'] })
    if (auth instanceof Response) return auth
    return Response.json({ subject: auth.subject })
  })
}

/** The same endpoint on node:http with the middleware, as an Express app would write it. */
function guardedByMiddleware(service: ApiKeyService): RequestListener {
  const guard = requireApiKeyMiddleware({ service, scopes: ['read'] })
  return (req: ApiKeyRequest, res) =>
    guard(req, res, (error) => {
      if (error !== undefined) {
        res.writeHead(500).end()
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ subject: req.apiKey?.subject }))
    })
}

/** The floors' one piece of work: the bearer key's SHA-256 looked up among `hashes`. */
function subjectOf(authorization: string | null | undefined, hashes: ReadonlyMap<string, string>): string | undefined {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '')
  return match?.[1] === undefined ? undefined : hashes.get(floorSha256(match[1]))
}

/** The floors' Map: each secret's SHA-256 to the small subject. */
const hashesOf = (secrets: readonly string[]): Map<string, string> =>
  new Map(secrets.map((secret) => [floorSha256(secret), 'user_small']))

/** The floor: what any server must do to answer, with nothing of the kit. */
function bare(hashes: ReadonlyMap<string, string>): RequestListener {
  return (req, res) => {
    const subject = subjectOf(req.headers.authorization, hashes)
    if (subject === undefined) {
      res.writeHead(401).end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ subject }))
  }
}

/**
 * Plain Fetch: the bare floor's work written as a Fetch handler and served on node:http the plain
 * way, with nothing of the kit: the headers copied into a Headers, a Request made, the Response's
 * text read and written. What a Fetch-style endpoint on Node pays for Node's Request and Response.
 */
function bareFetch(hashes: ReadonlyMap<string, string>): RequestListener {
  const handler = (request: Request): Response => {
    const subject = subjectOf(request.headers.get('authorization'), hashes)
    return subject === undefined ? new Response(null, { status: 401 }) : Response.json({ subject })
  }
  return (req, res) => {
    const headers = new Headers()
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
      headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '')
    const response = handler(new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { headers }))
    void response.text().then((body) => {
      const out: Record<string, string> = {}
      response.headers.forEach((value, name) => (out[name] = value))
      res.writeHead(response.status, out).end(body)
    })
  }
}

/** What the load process measured. */
interface LoadResult extends RateFigure {
  failed: number
}

/** Runs bench/server-http-load.ts against `port` for `seconds` in a process of its own. */
async function loadFromChild(port: number, secrets: readonly string[], seconds: number): Promise<LoadResult> {
  const script = fileURLToPath(new URL('./server-http-load.ts', import.meta.url))
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, String(port), String(seconds), String(HTTP_CONCURRENCY)],
    {
      env: { ...process.env, RAK_BENCH_KEYS: JSON.stringify(secrets) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text))
  const [code] = (await once(child, 'exit')) as [number | null]
  if (code !== 0) throw new Error(`The HTTP load process failed (exit ${code}).`)
  return JSON.parse(output) as LoadResult
}

/**
 * Requests a second (16 at once, for `seconds`) that `listener` answers, loaded from another
 * process, after a short warm-up; every answer must be 200.
 */
async function load(listener: RequestListener, secrets: readonly string[], seconds: number): Promise<RateFigure> {
  const server = createServer(listener)
  server.keepAliveTimeout = 10_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  try {
    await loadFromChild(port, secrets, 0.3)
    const { failed, ...rate } = await loadFromChild(port, secrets, seconds)
    if (failed > 0) throw new Error(`${failed} HTTP answers were not 200.`)
    return rate
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}

/** Verify over HTTP through `requireApiKey` on `service`. */
export function httpVerify(service: ApiKeyService, secrets: readonly string[], seconds: number): Promise<RateFigure> {
  return load(guarded(service), secrets, seconds)
}

/** Verify over HTTP through `requireApiKeyMiddleware` on `service`. */
export function httpVerifyMiddleware(
  service: ApiKeyService,
  secrets: readonly string[],
  seconds: number,
): Promise<RateFigure> {
  return load(guardedByMiddleware(service), secrets, seconds)
}

/** The bare node:http floor, with a Map of the given secrets' hashes. */
export function httpFloor(secrets: readonly string[], seconds: number): Promise<RateFigure> {
  return load(bare(hashesOf(secrets)), secrets, seconds)
}

/** Plain Fetch: the bare floor's work as a Fetch handler on node:http, nothing of the kit. */
export function httpPlainFetch(secrets: readonly string[], seconds: number): Promise<RateFigure> {
  return load(bareFetch(hashesOf(secrets)), secrets, seconds)
}
