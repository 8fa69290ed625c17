import { isApiKeyIdShape } from '../service/ids'

/** What a request path and method resolve to. */
export type Route =
  | { kind: 'list' }
  | { kind: 'create' }
  | { kind: 'get'; apiKeyId: string }
  | { kind: 'update'; apiKeyId: string }
  | { kind: 'revoke'; apiKeyId: string }
  | { kind: 'roll'; apiKeyId: string }

/** The outcome of matching: a route, a known path with the wrong method, a path with an impossible key id, or nothing. */
export type RouteMatch =
  | { match: 'route'; route: Route }
  | { match: 'method_not_allowed'; allow: string }
  | { match: 'unknown_key' }
  | { match: 'none' }

/** `/api/` or `api` or `` as `/api` or ``. */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '')
  if (trimmed === '') return ''
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/** Matches `{basePath}/api-keys[/:id[/revoke|/roll]]`. A trailing slash is not accepted. */
export function matchRoute(method: string, pathname: string, basePath: string): RouteMatch {
  const root = `${basePath}/api-keys`
  if (pathname === root) {
    if (method === 'GET') return { match: 'route', route: { kind: 'list' } }
    if (method === 'POST') return { match: 'route', route: { kind: 'create' } }
    return { match: 'method_not_allowed', allow: 'GET, POST' }
  }
  if (!pathname.startsWith(`${root}/`)) return { match: 'none' }
  const segments = pathname.slice(root.length + 1).split('/')
  if (segments.length > 2 || segments.some((segment) => segment === '')) return { match: 'none' }
  const [rawId = '', action] = segments
  const id = decodeSegment(rawId)
  const valid = id !== null && isApiKeyIdShape(id)
  const route = (kind: Route['kind']): RouteMatch =>
    valid ? { match: 'route', route: { kind, apiKeyId: id } as Route } : { match: 'unknown_key' }
  if (action === undefined) {
    if (method === 'GET') return route('get')
    if (method === 'PATCH') return route('update')
    return { match: 'method_not_allowed', allow: 'GET, PATCH' }
  }
  if (action !== 'revoke' && action !== 'roll') return { match: 'none' }
  if (method !== 'POST') return { match: 'method_not_allowed', allow: 'POST' }
  return route(action)
}
