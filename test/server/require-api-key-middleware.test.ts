// @vitest-environment node
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateApiKey } from '../../src/core/key-format'
import { requireApiKey } from '../../src/server/http/require-api-key'
import { requireApiKeyMiddleware, type ApiKeyRequest } from '../../src/server/http/require-api-key-middleware'
import { createApiKeyService, type ApiKeyService } from '../../src/server/service/api-key-service'
import { createMemoryStore } from '../../src/server/stores/memory-store'
import type { ApiKeyStore } from '../../src/server/stores/types'

/** A node:http server guarded by the middleware; what it passes on answers 200 with `req.apiKey`. */
async function serve(service: ApiKeyService, scopes?: string[]): Promise<{ url: string; errors: unknown[] }> {
  const guard = requireApiKeyMiddleware({ service, ...(scopes === undefined ? {} : { scopes }) })
  const errors: unknown[] = []
  const server: Server = createServer((req: ApiKeyRequest, res) =>
    guard(req, res, (error) => {
      if (error !== undefined) {
        errors.push(error)
        res.writeHead(500).end('handled by the app')
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.apiKey))
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/reports`, errors }
}

async function keys() {
  const service = createApiKeyService({ store: createMemoryStore() })
  const good = await service.create({ subject: 'team_1', subjectKind: 'team', name: 'good', scopes: ['reports:read'] })
  const revoked = await service.create({ subject: 'team_1', name: 'revoked' })
  await service.revoke({ subject: 'team_1', apiKeyId: revoked.id })
  return { service, good, revoked }
}

/** What a client sees of an answer: status, the headers that matter, the body. */
async function seen(response: Response) {
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    cacheControl: response.headers.get('cache-control'),
    challenge: response.headers.get('www-authenticate'),
    body: (await response.json()) as unknown,
  }
}

describe('requireApiKeyMiddleware (Node http and Express)', () => {
  it('passes a valid key on as req.apiKey, from Authorization: Bearer or x-api-key', async () => {
    const { service, good } = await keys()
    const { url } = await serve(service, ['reports:read'])
    const presented: Record<string, string>[] = [
      { authorization: `Bearer ${good.secret}` },
      { 'x-api-key': good.secret },
    ]
    for (const headers of presented) {
      const response = await fetch(url, { headers })
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({
        id: good.id,
        name: 'good',
        subject: 'team_1',
        subjectKind: 'team',
        scopes: ['reports:read'],
        claims: null,
      })
    }
  })

  it('refuses with exactly the problem requireApiKey answers, never echoing the key', async () => {
    const { service, good, revoked } = await keys()
    const cases: { headers: Record<string, string>; scopes?: string[]; status: number }[] = [
      { headers: {}, status: 401 },
      { headers: { authorization: 'Basic dXNlcjpwYXNz' }, status: 401 },
      { headers: { authorization: 'Bearer not-a-key' }, status: 401 },
      { headers: { 'x-api-key': 'x'.repeat(5000) }, status: 401 },
      { headers: { authorization: `Bearer ${generateApiKey()}` }, status: 401 },
      { headers: { authorization: `Bearer ${revoked.secret}` }, status: 401 },
      { headers: { authorization: `Bearer ${good.secret}` }, scopes: ['admin', 'reports:write'], status: 403 },
    ]
    for (const { headers, scopes, status } of cases) {
      const { url } = await serve(service, scopes)
      const overNode = await fetch(url, { headers })
      const text = await overNode.clone().text()
      const overFetch = await requireApiKey(new Request(url, { headers }), {
        service,
        ...(scopes === undefined ? {} : { scopes }),
      })
      expect(overFetch).toBeInstanceOf(Response)
      expect(await seen(overNode)).toEqual(await seen(overFetch as Response))
      expect(overNode.status).toBe(status)
      for (const secret of [good.secret, revoked.secret]) expect(text).not.toContain(secret.slice(3))
    }
  })

  it('hands an error of the store to next(error) and answers nothing itself', async () => {
    const memory = createMemoryStore()
    const failing: ApiKeyStore = {
      ...memory,
      findBySecretHash: () => Promise.reject(new Error('the database is down')),
    }
    const service = createApiKeyService({ store: failing, verifyCache: false })
    const { url, errors } = await serve(service)
    const response = await fetch(url, { headers: { authorization: `Bearer ${generateApiKey()}` } })
    expect(response.status).toBe(500)
    expect(await response.text()).toBe('handled by the app')
    expect(errors).toEqual([new Error('the database is down')])
  })
})
