/**
 * The small stand-in for Stack's backend that the official SDK and the kit's fetcher both talk to:
 * it answers the typed fixtures (test/fetchers/fixtures/stack/keys.ts), plus the two reads a
 * signed-in `StackClientApp` makes before it lists keys (`/users/me`, `/teams?user_id=me`).
 */
import {
  TEAM_ID,
  USER_ID,
  teamCreated,
  teamList,
  teamRenamed,
  teamRevoked,
  userCreated,
  userList,
  userRenamed,
  userRevoked,
} from '../fixtures/stack/keys'
import { unsignedJwt, type RecordedRequest } from './recorder'

export const STACK_BASE = 'https://api.stack.example'
/** Stack project ids are UUIDs (the SDK checks). */
export const PROJECT_ID = '6c1e2f3a-4b5c-4d6e-8f70-81a2b3c4d5e6'
export const PUBLISHABLE_KEY = 'pck_test_0123456789'

/** An access token whose payload passes the SDK's own access-token schema; valid for an hour from `now`. */
export function stackAccessToken(now: number): string {
  const seconds = Math.floor(now / 1000)
  return unsignedJwt({
    sub: USER_ID,
    iat: seconds,
    exp: seconds + 3600,
    iss: `${STACK_BASE}/api/v1/projects/${PROJECT_ID}`,
    aud: PROJECT_ID,
    project_id: PROJECT_ID,
    branch_id: 'main',
    refresh_token_id: 'refresh-token-id',
    role: 'authenticated',
    name: null,
    email: null,
    email_verified: false,
    selected_team_id: null,
    signed_up_at: seconds,
    is_anonymous: false,
    is_restricted: false,
    restricted_reason: null,
    requires_totp_mfa: false,
  })
}

const isTeam = (request: RecordedRequest): boolean => request.path.startsWith('/api/v1/team-api-keys')
const asObject = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}

/** The answer to `request`, as Stack's backend would give it. */
export function stackBackend(request: RecordedRequest): unknown {
  const { method, path } = request
  const body = asObject(request.body)
  if (path === '/api/v1/users/me') return { id: USER_ID, display_name: 'Ada', primary_email: null, selected_team: null }
  if (path === '/api/v1/teams') {
    return {
      items: [
        {
          id: TEAM_ID,
          display_name: 'Ops',
          profile_image_url: null,
          client_metadata: null,
          client_read_only_metadata: null,
        },
      ],
      is_paginated: false,
    }
  }
  const team = isTeam(request)
  const keyId = /^\/api\/v1\/(?:user|team)-api-keys\/([^/]+)$/.exec(path)?.[1]
  if (method === 'GET' && keyId === undefined) return team ? teamList : userList
  if (method === 'POST') {
    const expires = typeof body.expires_at_millis === 'number' ? { expires_at_millis: body.expires_at_millis } : {}
    const base = team ? teamCreated : userCreated
    const { expires_at_millis: _unset, ...withoutExpiry } = { expires_at_millis: undefined, ...base }
    return { ...withoutExpiry, ...expires, description: String(body.description) }
  }
  if (method === 'PATCH' && body.revoked === true) return team ? teamRevoked : userRevoked
  const renamed = team ? teamRenamed : userRenamed
  return typeof body.description === 'string' ? { ...renamed, description: body.description } : renamed
}
