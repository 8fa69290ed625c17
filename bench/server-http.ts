/**
 * Verify over HTTP on loopback for the server table bench: an endpoint guarded by `requireApiKey`
 * and served by `toNodeHandler`, beside its floor, a bare `node:http` server that reads the
 * Authorization header, hashes it (SHA-256) and looks the hash up in a Map. Both are loaded the
 * same way: 16 callers on keep-alive connections of one `node:http` agent, for a fixed time.
 */
import { createHash } from 'node:crypto'
import { Agent, createServer, request, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeHandler } from '../src/server/http/node-adapter'
import { requireApiKey } from '../src/server/http/require-api-key'
import type { ApiKeyService } from '../src/server/service/api-key-service'
import { timeFor, type RateFigure } from './server-timing'

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

/** The floor: what any server must do to answer, with nothing of the kit. */
function bare(hashes: ReadonlyMap<string, string>): RequestListener {
  return (req, res) => {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')
    const subject =
      match?.[1] === undefined ? undefined : hashes.get(createHash('sha256').update(match[1]).digest('hex'))
    if (subject === undefined) {
      res.writeHead(401).end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ subject }))
  }
}

/** Requests a second (16 at once, for `seconds`) that `listener` answers with 200 for the given keys. */
async function load(listener: RequestListener, secrets: readonly string[], seconds: number): Promise<RateFigure> {
  const server = createServer(listener)
  server.keepAliveTimeout = 10_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const agent = new Agent({ keepAlive: true, maxSockets: HTTP_CONCURRENCY })
  const call = (i: number): Promise<boolean> =>
    new Promise((resolve, reject) => {
      const secret = secrets[(i * 7919) % secrets.length] ?? ''
      const outgoing = request(
        { agent, host: '127.0.0.1', port, path: '/protected', headers: { authorization: `Bearer ${secret}` } },
        (response) => {
          response.resume()
          response.once('end', () => resolve(response.statusCode === 200))
        },
      )
      outgoing.once('error', reject)
      outgoing.end()
    })
  try {
    return await timeFor(seconds, call, { concurrency: HTTP_CONCURRENCY, warmUp: 200 })
  } finally {
    agent.destroy()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}

/** Verify over HTTP through `requireApiKey` on `service`. */
export function httpVerify(service: ApiKeyService, secrets: readonly string[], seconds: number): Promise<RateFigure> {
  return load(guarded(service), secrets, seconds)
}

/** The bare node:http floor, with a Map of the given secrets' hashes. */
export function httpFloor(secrets: readonly string[], seconds: number): Promise<RateFigure> {
  const hashes = new Map(secrets.map((secret) => [createHash('sha256').update(secret).digest('hex'), 'user_small']))
  return load(bare(hashes), secrets, seconds)
}
