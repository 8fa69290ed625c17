// @vitest-environment node
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApiKeysHandler } from '../../src/server/http/handler'
import { toNodeHandler } from '../../src/server/http/node-adapter'
import { requireApiKey } from '../../src/server/http/require-api-key'
import { createApiKeyService } from '../../src/server/service/api-key-service'
import { createMemoryStore } from '../../src/server/stores/memory-store'

const service = createApiKeyService({ store: createMemoryStore() })
const apiKeys = toNodeHandler(
  createApiKeysHandler({
    service,
    basePath: '/api',
    createRateLimit: false,
    authenticate: (request) => (request.headers.get('x-user') ? { userId: request.headers.get('x-user') as string } : null),
  }),
)
const reports = toNodeHandler(async (request) => {
  const auth = await requireApiKey(request, { service, scopes: ['reports:read'] })
  if (auth instanceof Response) return auth
  const headers = new Headers({ 'content-type': 'application/json' })
  headers.append('set-cookie', 'a=1')
  headers.append('set-cookie', 'b=2')
  return new Response(JSON.stringify({ subject: auth.subject, url: request.url }), { headers })
})

let server: Server
let base: string

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/reports')) {
      reports(req, res)
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
function rawPost(path: string, chunks: string[], headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    for (const chunk of chunks) req.write(chunk)
    req.end()
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
    const small = await rawPost('/api/api-keys', ['{"name":', '"chunked ok"}'], { 'x-user': 'user_2', 'transfer-encoding': 'chunked' })
    expect(small.status).toBe(201)
  })
})
