// @vitest-environment node
import { createMemoryStore } from '../../src/server/stores/memory-store'
import { httpSetup } from './http-helpers'
import { testClock } from './helpers'

const LIMIT = 3

/** A handler whose create limit is 3 a minute on a clock that stands still. */
function limited() {
  const clock = testClock()
  return httpSetup(createMemoryStore(), { createRateLimit: { limit: LIMIT, windowSeconds: 60, now: clock.now } })
}

describe('create rate limit: one budget for creates and rolls', () => {
  it('refuses a roll with 429 once creates used the budget, so a caller cannot mint keys past the limit', async () => {
    const { call } = limited()
    const ids: string[] = []
    for (let i = 0; i < LIMIT; i++) {
      const created = await call('POST', '/api-keys', { as: 'bob', json: { name: `k${i}` } })
      expect(created.status).toBe(201)
      ids.push(created.body.id as string)
    }
    expect((await call('POST', '/api-keys', { as: 'bob', json: { name: 'one more' } })).status).toBe(429)

    const roll = await call('POST', `/api-keys/${ids[0] ?? ''}/roll`, { as: 'bob', json: { gracePeriodSeconds: 3600 } })
    expect(roll.status).toBe(429)
    expect(roll.body).toMatchObject({ code: 'rate_limited' })
    expect(Number(roll.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    // Nothing was minted by the refused roll: bob still has exactly the keys the budget allowed.
    expect((await call('GET', '/api-keys?status=active', { as: 'bob' })).body.totalCount).toBe(LIMIT)
  })

  it('counts rolls against the create budget: a chain of rolls stops at the limit', async () => {
    const { call } = limited()
    const first = await call('POST', '/api-keys', { as: 'bob', json: { name: 'chained' } })
    let id = first.body.id as string
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const rolled = await call('POST', `/api-keys/${id}/roll`, { as: 'bob', json: { gracePeriodSeconds: 3600 } })
      statuses.push(rolled.status)
      if (rolled.status === 200) id = (rolled.body.replacement as { id: string }).id
    }
    expect(statuses).toEqual([200, 200, 429, 429, 429])
    // The limit is per caller: another caller's budget is untouched.
    expect((await call('POST', '/api-keys', { as: 'alice', json: { name: 'mine' } })).status).toBe(201)
  })

  it('does not charge a create that fails validation', async () => {
    const { call } = limited()
    const invalid = [
      { json: { name: '' } },
      { json: { name: 'x'.repeat(500) } },
      { json: { name: 'ok', scopes: 'read' } },
      { json: { name: 'ok', secondsUntilExpiration: -5 } },
      { json: { name: 'ok', claims: { big: 'x'.repeat(5000) } } },
      { json: { name: 'bad\u0000name' } },
      { json: { name: 'ok', unknownField: 1 } },
      { body: '{not json', headers: { 'content-type': 'application/json' } },
      { json: { name: 'ok', subject: 'team_b' } }, // alice is not a manager of team_b: 404
    ]
    for (const request of invalid) {
      const answer = await call('POST', '/api-keys', { as: 'alice', ...request })
      expect([400, 404, 415]).toContain(answer.status)
    }
    const statuses: number[] = []
    for (let i = 0; i < LIMIT + 1; i++)
      statuses.push((await call('POST', '/api-keys', { as: 'alice', json: { name: `v${i}` } })).status)
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(201), 429])
  })

  it('does not charge a roll that fails validation or names a key the caller cannot reach', async () => {
    const { call } = limited()
    const created = await call('POST', '/api-keys', { as: 'bob', json: { name: 'rollable' } })
    const id = created.body.id as string
    for (let i = 0; i < 5; i++) {
      expect((await call('POST', `/api-keys/${id}/roll`, { as: 'bob', json: { gracePeriodSeconds: -1 } })).status).toBe(
        400,
      )
      expect((await call('POST', `/api-keys/${id}/roll`, { as: 'bob', json: {} })).status).toBe(400)
      expect(
        (await call('POST', '/api-keys/ak_missing00000000000000/roll', { as: 'bob', json: { gracePeriodSeconds: 0 } }))
          .status,
      ).toBe(404)
    }
    // One create so far: two more actions are allowed, then the third is refused.
    const rolled = await call('POST', `/api-keys/${id}/roll`, { as: 'bob', json: { gracePeriodSeconds: 0 } })
    expect(rolled.status).toBe(200)
    expect((await call('POST', '/api-keys', { as: 'bob', json: { name: 'another' } })).status).toBe(201)
    expect((await call('POST', '/api-keys', { as: 'bob', json: { name: 'too many' } })).status).toBe(429)
  })
})
