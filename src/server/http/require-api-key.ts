import type { SubjectKind } from '../../core/types'
import type { ApiKeyService } from '../service/api-key-service'
import type { VerifyFailureCode } from '../service/verify'
import type { IncomingHttpHeaders } from 'node:http'
import { problemParts, type ProblemParts } from './problem'

/** Options of {@link requireApiKey}. */
export interface RequireApiKeyOptions {
  /** The service that verifies the key. */
  service: ApiKeyService
  /** Scopes the key must all carry (403 otherwise). */
  scopes?: readonly string[]
}

/** A key that passed {@link requireApiKey}: who it acts for and what it may do. */
export interface VerifiedApiKey {
  id: string
  name: string
  /** The user or team the key belongs to. */
  subject: string
  /**
   * Whether `subject` is a user or a team: check it before you treat `subject` as either, since a
   * team and a user may share an id. Absent only for a key stored before kinds existed that the app
   * has not attributed yet (see migration 2).
   */
  subjectKind?: SubjectKind
  scopes: string[]
  claims: Record<string, unknown> | null
}

/** The longest header value read as a key; longer values are refused without further work. */
const MAX_TOKEN_LENGTH = 256

/** A request's headers as the Fetch API holds them, or as Node's `IncomingMessage.headers` does. */
export type RequestHeaders = Headers | IncomingHttpHeaders

/** One header's value, whichever way the headers are held (Node joins repeated ones it does not drop). */
function headerOf(headers: RequestHeaders, name: string): string | null {
  // Duck-typed, not `instanceof Headers`: a Request from another Fetch implementation has its own Headers class.
  if (typeof headers.get === 'function') return (headers as Headers).get(name)
  const value = (headers as IncomingHttpHeaders)[name]
  if (value === undefined) return null
  return typeof value === 'string' ? value : value.join(', ')
}

/**
 * The key a request presents: `Authorization: Bearer <key>`, else `x-api-key: <key>`; null if
 * neither. Takes a Fetch API Request or a Node `IncomingMessage` (anything with its headers).
 */
export function readPresentedKey(request: { headers: RequestHeaders }): string | null {
  const authorization = headerOf(request.headers, 'authorization')
  if (authorization !== null) {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization)
    if (match?.[1] !== undefined) return match[1]
  }
  const header = headerOf(request.headers, 'x-api-key')
  return header === null || header.trim() === '' ? null : header.trim()
}

const DETAILS: Record<VerifyFailureCode | 'missing', string> = {
  missing: 'Send an API key in the Authorization header (Bearer) or in x-api-key.',
  malformed: 'The API key is not valid.',
  not_found: 'The API key is not valid.',
  revoked: 'The API key has been revoked.',
  expired: 'The API key has expired.',
  insufficient_scope: 'The API key does not carry the scopes this request needs.',
}

const quoted = (text: string): string => text.replace(/["\\\r\n]/g, '')

/** The judgement of a presented key: passed with what it may do, or refused with the problem to answer. */
export type KeyJudgement = { passed: true; key: VerifiedApiKey } | { passed: false; problem: ProblemParts }

const refused = (problem: ProblemParts): KeyJudgement => ({ passed: false, problem })

/**
 * Judges the key a request presents: the key's subject and scopes, or the parts of the problem to
 * answer with (401 missing or invalid key, 403 missing scope, each with a `WWW-Authenticate: Bearer`
 * challenge and a `reason`). The one judgement behind {@link requireApiKey} and the Node middleware.
 */
export async function judgePresentedKey(
  presented: string | null,
  options: RequireApiKeyOptions,
): Promise<KeyJudgement> {
  if (presented === null) {
    return refused(
      problemParts(
        { status: 401, code: 'unauthenticated', detail: DETAILS.missing, reason: 'missing' },
        { 'www-authenticate': 'Bearer realm="api"' },
      ),
    )
  }
  const result =
    presented.length > MAX_TOKEN_LENGTH
      ? ({ valid: false, code: 'malformed' } as const)
      : await options.service.verify(presented, options.scopes === undefined ? {} : { scopes: options.scopes })
  if (result.valid) {
    const { id, name, subject, subjectKind, scopes, claims } = result.key
    return {
      passed: true,
      key: { id, name, subject, ...(subjectKind === undefined ? {} : { subjectKind }), scopes, claims },
    }
  }
  if (result.code === 'insufficient_scope') {
    const scope = quoted((options.scopes ?? []).join(' '))
    return refused(
      problemParts(
        { status: 403, code: 'forbidden', detail: DETAILS.insufficient_scope, reason: result.code },
        { 'www-authenticate': `Bearer realm="api", error="insufficient_scope", scope="${scope}"` },
      ),
    )
  }
  return refused(
    problemParts(
      { status: 401, code: 'unauthenticated', detail: DETAILS[result.code], reason: result.code },
      { 'www-authenticate': 'Bearer realm="api", error="invalid_token"' },
    ),
  )
}

/**
 * Guards one of your own endpoints with an API key: returns the key's subject and scopes, or the
 * problem Response to answer with (401 missing or invalid key, 403 missing scope, each with a
 * `WWW-Authenticate: Bearer` challenge and a `reason`). Errors of the store are thrown, not answered.
 * On Node's `http` or Express, `requireApiKeyMiddleware` does the same without Fetch objects.
 *
 * ```ts
 * const auth = await requireApiKey(request, { service, scopes: ['reports:read'] })
 * if (auth instanceof Response) return auth
 * ```
 */
export async function requireApiKey(
  request: Request,
  options: RequireApiKeyOptions,
): Promise<VerifiedApiKey | Response> {
  const judged = await judgePresentedKey(readPresentedKey(request), options)
  if (judged.passed) return judged.key
  const { status, headers, body } = judged.problem
  return new Response(body, { status, headers })
}
