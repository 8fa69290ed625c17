// @vitest-environment node
import { generateApiKey } from '../../src/core/key-format'
import { requireApiKey } from '../../src/server/http/require-api-key'
import { createApiKeyService } from '../../src/server/service/api-key-service'
import { createMemoryStore } from '../../src/server/stores/memory-store'
import { httpSetup } from './http-helpers'
import { testClock } from './helpers'

async function setup() {
  const clock = testClock()
  const service = createApiKeyService({ store: createMemoryStore(), now: clock.now })
  const good = await service.create({
    subject: 'team_1',
    subjectKind: 'team',
    name: 'good',
    scopes: ['reports:read'],
    claims: { plan: 'pro' },
  })
  const revoked = await service.create({ subject: 'team_1', name: 'revoked' })
  await service.revoke({ subject: 'team_1', apiKeyId: revoked.id })
  const expiring = await service.create({ subject: 'team_1', name: 'expiring', secondsUntilExpiration: 1 })
  clock.advance(1000)
  return { service, good, revoked, expiring }
}

const request = (headers: Record<string, string>): Request => new Request('http://localhost/reports', { headers })

describe('requireApiKey', () => {
  it('returns the key’s subject and scopes from Authorization: Bearer or x-api-key', async () => {
    const { service, good } = await setup()
    const expected = {
      id: good.id,
      name: 'good',
      subject: 'team_1',
      subjectKind: 'team',
      scopes: ['reports:read'],
      claims: { plan: 'pro' },
    }
    expect(
      await requireApiKey(request({ authorization: `Bearer ${good.secret}` }), { service, scopes: ['reports:read'] }),
    ).toEqual(expected)
    expect(await requireApiKey(request({ authorization: `bearer  ${good.secret} ` }), { service })).toEqual(expected)
    expect(await requireApiKey(request({ 'x-api-key': good.secret }), { service })).toEqual(expected)
    expect(await requireApiKey(request({ authorization: 'Basic abc', 'x-api-key': good.secret }), { service })).toEqual(
      expected,
    )
  })

  it('answers 401 or 403 problems with a Bearer challenge and the reason, never echoing the key', async () => {
    const { service, good, revoked, expiring } = await setup()
    const cases = [
      [{}, 401, 'missing'],
      [{ authorization: 'Basic dXNlcjpwYXNz' }, 401, 'missing'],
      [{ authorization: 'Bearer not-a-key' }, 401, 'malformed'],
      [{ 'x-api-key': 'x'.repeat(5000) }, 401, 'malformed'],
      [{ authorization: `Bearer ${generateApiKey()}` }, 401, 'not_found'],
      [{ authorization: `Bearer ${revoked.secret}` }, 401, 'revoked'],
      [{ 'x-api-key': expiring.secret }, 401, 'expired'],
      [{ authorization: `Bearer ${good.secret}`, scope: 'admin' }, 403, 'insufficient_scope'],
    ] as const
    for (const [headers, status, reason] of cases) {
      const { scope, ...sent } = headers as Record<string, string>
      const result = await requireApiKey(request(sent), {
        service,
        ...(scope === undefined ? {} : { scopes: [scope] }),
      })
      expect(result, reason).toBeInstanceOf(Response)
      const response = result as Response
      expect(response.status).toBe(status)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="api"/)
      const text = await response.text()
      const code = status === 401 ? 'unauthenticated' : 'forbidden'
      expect(JSON.parse(text)).toMatchObject({ status, code, reason })
      for (const secret of [good.secret, revoked.secret, expiring.secret]) expect(text).not.toContain(secret.slice(3))
    }
  })
})

describe('secrets never appear in error responses', () => {
  it('not in conflicts, unknown fields, malformed JSON or validation errors', async () => {
    const { call } = httpSetup(createMemoryStore())
    const created = await call('POST', '/api-keys', { as: 'bob', json: { name: 'first' } })
    const secret = created.body.secret as string
    const answers = [
      await call('POST', '/api-keys', { as: 'bob', json: { name: secret } }),
      await call('POST', '/api-keys', { as: 'bob', json: { name: secret } }),
      await call('POST', '/api-keys', { as: 'bob', json: { name: 'x', [secret]: 1 } }),
      await call('POST', '/api-keys', {
        as: 'bob',
        body: `{"name": ${secret}`,
        headers: { 'content-type': 'application/json' },
      }),
      await call('POST', '/api-keys', { as: 'bob', json: { name: secret.repeat(5) } }),
      await call('GET', `/api-keys?query=${secret}&${secret}=1`, { as: 'bob' }),
      await call('GET', `/api-keys/${secret}`, { as: 'bob' }),
      await call('PATCH', `/api-keys/${created.body.id as string}`, { as: 'bob', json: { name: secret } }),
    ]
    expect(answers.map((answer) => answer.status)).toEqual([201, 409, 400, 400, 400, 400, 404, 409])
    for (const answer of answers.slice(1)) {
      expect(answer.text).not.toContain(secret.slice(3))
      expect(answer.text).not.toContain(secret.slice(3, 20))
    }
  })
})
