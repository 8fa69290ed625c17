import type { ApiKeysCaller } from '../../src/server/http/caller'
import { createApiKeysHandler, type ApiKeysHandlerOptions } from '../../src/server/http/handler'
import { createApiKeyService, type ApiKeyService } from '../../src/server/service/api-key-service'
import type { ApiKeyStore } from '../../src/server/stores/types'
import { testClock } from './helpers'

/** Alice manages team_a, is a plain member of team_b; Bob has no teams; Carol manages team_b. */
export const CALLERS: Record<string, ApiKeysCaller> = {
  alice: {
    userId: 'user_alice',
    teams: [
      { id: 'team_a', permissions: ['$manage_api_keys'] },
      { id: 'team_b', permissions: ['read'] },
    ],
  },
  bob: { userId: 'user_bob' },
  carol: { userId: 'user_carol', teams: [{ id: 'team_b', permissions: ['$manage_api_keys'] }] },
}

export interface CallOptions {
  as?: keyof typeof CALLERS
  json?: unknown
  body?: BodyInit
  headers?: Record<string, string>
}

/** A handler on the given store, with a test clock, and a `call` that speaks to it in-process. */
export function httpSetup(store: ApiKeyStore, options: Partial<ApiKeysHandlerOptions> = {}) {
  const clock = testClock()
  const service: ApiKeyService = createApiKeyService({ store, now: clock.now })
  const errors: unknown[] = []
  const handler = createApiKeysHandler({
    service,
    authenticate: (request) => CALLERS[request.headers.get('x-test-user') ?? ''] ?? null,
    createRateLimit: false,
    onError: (error) => errors.push(error),
    ...options,
  })
  async function call(
    method: string,
    path: string,
    init: CallOptions = {},
  ): Promise<{ status: number; headers: Headers; body: Record<string, unknown>; text: string }> {
    const headers: Record<string, string> = { ...(init.as ? { 'x-test-user': init.as } : {}), ...init.headers }
    let body = init.body
    if (init.json !== undefined) {
      body = JSON.stringify(init.json)
      headers['content-type'] ??= 'application/json'
    }
    const response = await handler(
      new Request(`http://localhost${path}`, { method, headers, ...(body === undefined ? {} : { body }) }),
    )
    const text = await response.text()
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
      text,
    }
  }
  return { clock, service, handler, call, errors }
}
