/**
 * The small stand-in for Clerk's Frontend API that the official `Clerk` (clerk-js) and the kit's
 * fetcher both talk to: the environment and a signed-in client for `clerk.load()`, the dev browser
 * for a development instance, and the API key endpoints answering the typed fixtures.
 */
import { ORG_ID, USER_ID, created, page, revoked } from '../fixtures/clerk/keys'
import { unsignedJwt, type RecordedRequest } from './recorder'

export const SESSION_ID = 'sess_2pQk8XyZ4vN8rT1bC6dF9gH3jK'
export const DEV_BROWSER_JWT = 'dvb_2pQk9AbC2dE3fG4hI5jK6lM7nO'

/** A publishable key names its Frontend API host: `pk_live_` for production, `pk_test_` for development. */
export function publishableKey(kind: 'live' | 'test', frontendApi: string): string {
  return `pk_${kind}_${Buffer.from(`${frontendApi}$`).toString('base64')}`
}

/** The session token clerk-js hands out (`session.getToken()`); valid for an hour from `now`. */
export function sessionToken(now: number, issuer: string): string {
  const seconds = Math.floor(now / 1000)
  return unsignedJwt({
    sub: USER_ID,
    sid: SESSION_ID,
    iat: seconds,
    nbf: seconds,
    exp: seconds + 3600,
    iss: issuer,
    v: 2,
  })
}

function signedInClient(token: string): unknown {
  const user = {
    object: 'user',
    id: USER_ID,
    email_addresses: [],
    phone_numbers: [],
    web3_wallets: [],
    external_accounts: [],
    enterprise_accounts: [],
    passkeys: [],
    organization_memberships: [],
    created_at: 1,
    updated_at: 1,
  }
  const session = {
    object: 'session',
    id: SESSION_ID,
    status: 'active',
    user,
    last_active_token: { object: 'token', jwt: token },
    last_active_organization_id: null,
    created_at: 1,
    updated_at: 1,
    last_active_at: 1,
    expire_at: 9_999_999_999_999,
    abandon_at: 9_999_999_999_999,
  }
  return {
    object: 'client',
    id: 'client_1',
    sessions: [session],
    last_active_session_id: SESSION_ID,
    sign_in: null,
    sign_up: null,
  }
}

function environment(instance: 'production' | 'development'): unknown {
  return {
    object: 'environment',
    id: 'env_1',
    auth_config: { object: 'auth_config', id: 'aac_1', single_session_mode: true },
    display_config: { object: 'display_config', id: 'display_config_1', instance_environment_type: instance },
    user_settings: {},
    organization_settings: { enabled: true },
    api_keys_settings: { user_api_keys_enabled: true, orgs_api_keys_enabled: true },
  }
}

const asObject = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}

/** A Frontend API for one instance, answering with `token` as the session's token. */
export function clerkBackend(
  instance: 'production' | 'development',
  token: string,
): (request: RecordedRequest) => unknown {
  return (request) => {
    const { method, path } = request
    if (path === '/v1/environment') return environment(instance)
    if (path === '/v1/client') return { response: signedInClient(token), client: null }
    if (path === '/v1/dev_browser') return { id: DEV_BROWSER_JWT }
    if (path === '/api_keys' && method === 'GET') return page
    if (path === '/api_keys' && method === 'POST') {
      const body = asObject(request.body)
      return { ...created, name: String(body.name), subject: String(body.subject ?? ORG_ID) }
    }
    if (/^\/api_keys\/[^/]+\/revoke$/.test(path)) return revoked
    throw new Error(`The stub Frontend API has no ${method} ${path}`)
  }
}
