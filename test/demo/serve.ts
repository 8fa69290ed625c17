/**
 * The demo (`npm run demo`): builds the app in `test/demo/app` with Vite, then serves it on
 * 127.0.0.1 together with the server companion under `/api`, keeping keys in the embedded durable
 * store. Everyone is signed in as the demo user, who manages one team.
 *
 *   PORT           port to listen on (default 5180)
 *   DEMO_DATA_DIR  where the embedded store keeps its database (default test/demo/.data)
 *
 * While it starts it says what it is doing (`demo: … (12 s)`), then prints
 * `ready http://127.0.0.1:<port>` once it serves. SIGINT or SIGTERM closes the store and exits.
 */
import { createReadStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ApiKeysCaller } from '../../src/server/index'
import { DEMO_SCOPES, DEMO_TEAM, DEMO_TEAMMATE_ID, DEMO_USER_ID } from './demo-user'

const here = fileURLToPath(new URL('.', import.meta.url))
const port = Number(process.env.PORT ?? 5180)
const dataDir = resolve(process.env.DEMO_DATA_DIR ?? join(here, '.data'))
const PROTECTED_PATH = '/api/demo/protected'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}

const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
}

const write = (line: string): void => void process.stdout.write(`${line}\n`)

// Start-up takes up to a minute or two on a slow machine: say what it is doing, and that it still is.
const started = performance.now()
const progress = (what: string): void => write(`demo: ${what} (${((performance.now() - started) / 1000).toFixed(0)} s)`)
const STILL_WORKING_EVERY_MS = 10_000

/** Runs one start-up step: says when it begins and, while it lasts, every 10 s that it still runs. */
async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  progress(what)
  const stillWorking = setInterval(() => progress(`still ${what}`), STILL_WORKING_EVERY_MS)
  try {
    return await run()
  } finally {
    clearInterval(stillWorking)
  }
}

// Vite and the server companion load after the first line, so the demo speaks at once.
const [{ build }, { createApiKeysHandler, createApiKeyService, createEmbeddedStore, requireApiKey, toNodeHandler }] =
  await step('loading Vite and the server companion', () =>
    Promise.all([import('vite'), import('../../src/server/index')]),
  )

// 1. Build the app into a fresh temporary directory.
const outDir = await mkdtemp(join(tmpdir(), 'rak-demo-'))
await step('building the app with Vite', () => build({ configFile: join(here, 'vite.config.ts'), build: { outDir } }))

// 2. The server companion: the embedded store, the service, the kit's handler under /api.
// Its first start creates the PostgreSQL database inside PGlite, the longest step.
const store = await step(`opening the embedded store in ${dataDir}`, () => createEmbeddedStore({ dataDir }))
const service = createApiKeyService({ store })

// Every request is the demo user's, so only a key made before shows another creator's name, and the
// UI sets no claims: an empty team gets one key from a teammate, with scopes and claims, once.
const teamKeys = await service.list({ subject: DEMO_TEAM.id, subjectKind: 'team', pageSize: 1 })
if (teamKeys.totalCount === 0) {
  await service.create({
    subject: DEMO_TEAM.id,
    subjectKind: 'team',
    createdBy: DEMO_TEAMMATE_ID,
    name: 'Nightly export',
    description: 'Copies the day’s reports to the data warehouse.',
    scopes: [DEMO_SCOPES[0].value],
    claims: { job: 'nightly-export', region: 'eu-west' },
  })
}
const caller: ApiKeysCaller = { userId: DEMO_USER_ID, teams: [DEMO_TEAM] }
const apiKeys = createApiKeysHandler({
  service,
  basePath: '/api',
  // A real app resolves the caller from its session; the demo signs everyone in as the demo user.
  authenticate: () => caller,
  onError: (error) => console.error('demo: unexpected error', error),
})

/** The demo API's protected endpoint: 200 with the key's subject and scopes, or the problem response. */
async function protectedEndpoint(request: Request): Promise<Response> {
  if (request.method !== 'GET') return new Response(null, { status: 405, headers: { allow: 'GET' } })
  const auth = await requireApiKey(request, { service })
  if (auth instanceof Response) return auth
  return Response.json(
    { ok: true, subject: auth.subject, scopes: auth.scopes },
    { headers: { 'cache-control': 'no-store' } },
  )
}

const api = toNodeHandler((request) =>
  new URL(request.url).pathname === PROTECTED_PATH ? protectedEndpoint(request) : apiKeys(request),
)

/** Serves a file of the build, and index.html for any other page path. */
async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end()
    return
  }
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
  } catch {
    res.writeHead(400).end()
    return
  }
  let file = resolve(outDir, `.${pathname}`)
  if (file !== outDir && !file.startsWith(outDir + sep)) {
    res.writeHead(404).end()
    return
  }
  const found = await stat(file).catch(() => null)
  if (!found?.isFile()) {
    if (extname(pathname) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      return
    }
    file = join(outDir, 'index.html')
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'
  const caching = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-store'
  res.writeHead(200, { 'content-type': type, 'cache-control': caching, ...PAGE_HEADERS })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(file).pipe(res)
}

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0] ?? '/'
  if (path === '/api' || path.startsWith('/api/')) {
    api(req, res)
    return
  }
  serveStatic(req, res).catch((error: unknown) => {
    console.error('demo: could not serve a file', error)
    if (!res.headersSent) res.writeHead(500)
    res.end()
  })
})

let closing = false
async function shutdown(): Promise<void> {
  if (closing) return
  closing = true
  server.close()
  server.closeAllConnections()
  await store.close().catch((error: unknown) => console.error('demo: could not close the store', error))
  await rm(outDir, { recursive: true, force: true })
  process.exit(0)
}
process.once('SIGINT', () => void shutdown())
process.once('SIGTERM', () => void shutdown())

server.once('error', (error) => {
  console.error(`demo: cannot listen on 127.0.0.1:${port}`, error)
  void store.close().finally(() => process.exit(1))
})
server.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address() as AddressInfo
  write(`Keys are kept in ${dataDir}`)
  write(`ready http://127.0.0.1:${bound}`)
})
