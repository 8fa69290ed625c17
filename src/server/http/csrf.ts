import { HttpProblem } from './problem'

/** Methods that change nothing: only the others are checked. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Whether a Content-Type is JSON: `application/json` or `application/*+json`, with any parameters. */
function isJsonContentType(value: string | null): boolean {
  if (value === null) return false
  const type = (value.split(';')[0] ?? '').trim().toLowerCase()
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))
}

function parseOrNull(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}

/**
 * The origins of `allowedOrigins` as `scheme://host[:port]`. Throws a TypeError at start-up for an
 * entry that is not exactly an origin (a path, `*` or `null` would silently allow too much or nothing).
 */
export function toOriginSet(origins: readonly string[] = []): ReadonlySet<string> {
  const set = new Set<string>()
  for (const entry of origins) {
    const url = parseOrNull(entry)
    const bare =
      url !== null &&
      url.pathname === '/' &&
      url.search === '' &&
      url.hash === '' &&
      url.username === '' &&
      url.password === ''
    if (url === null || !bare || url.origin === 'null' || !/^https?:$/.test(url.protocol)) {
      throw new TypeError(`allowedOrigins: "${entry}" is not an origin such as https://app.example.com.`)
    }
    set.add(url.origin)
  }
  return set
}

/**
 * Refuses a state-changing request a browser could send from another site without asking first (a
 * form post, an image, a `no-cors` fetch), before anything else is done with it:
 *
 * - 403 when a browser says it comes from elsewhere: an `Origin` other than the request URL's own
 *   origin or one of `allowed`, or `Sec-Fetch-Site: same-site`/`cross-site` without an allowed
 *   `Origin`. `Sec-Fetch-Site: same-origin` is trusted as the browser's own word (no page can set it).
 *   Requests with neither header are not from a browser (curl, a server) and pass.
 * - 415 without `Content-Type: application/json`, even for an empty body: a browser sends that type
 *   to another origin only after a CORS preflight the server would have to allow.
 */
export function refuseForgedRequest(request: Request, url: URL, allowed: ReadonlySet<string>): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return
  const site = request.headers.get('sec-fetch-site')
  const origin = request.headers.get('origin')
  const fromAllowedOrigin = origin !== null && (origin === url.origin || allowed.has(origin))
  const trusted = site === 'same-origin' || fromAllowedOrigin || (origin === null && (site === null || site === 'none'))
  if (!trusted) {
    throw new HttpProblem(
      403,
      'forbidden',
      'This request comes from a site that may not change API keys here. Add its origin to allowedOrigins if it should.',
    )
  }
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new HttpProblem(
      415,
      'invalid_input',
      'Send this request with Content-Type: application/json, even without a body.',
    )
  }
}
