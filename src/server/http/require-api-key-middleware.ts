import type { IncomingMessage, ServerResponse } from 'node:http'
import { judgePresentedKey, readPresentedKey, type RequireApiKeyOptions, type VerifiedApiKey } from './require-api-key'

/** A Node request that passed {@link requireApiKeyMiddleware}: `apiKey` says who it acts for. */
export type ApiKeyRequest = IncomingMessage & { apiKey?: VerifiedApiKey }

/** Connect and Express middleware: `(req, res, next)`. */
export type ApiKeyMiddleware = (req: ApiKeyRequest, res: ServerResponse, next: (error?: unknown) => void) => void

/**
 * `requireApiKey` for Node's `http` server and Express, without Fetch objects: the same judgement,
 * the same 401 and 403 problems, at the cost of a plain Node handler (no Request or Response is
 * made per call). A key that passes is put on `req.apiKey` and `next()` is called; a refused one is
 * answered here and `next` is not called; an error of the store goes to `next(error)`.
 *
 * ```ts
 * app.get('/reports', requireApiKeyMiddleware({ service, scopes: ['reports:read'] }), (req, res) => {
 *   res.json(reportsOf(req.apiKey.subject))
 * })
 * ```
 */
export function requireApiKeyMiddleware(options: RequireApiKeyOptions): ApiKeyMiddleware {
  return (req, res, next) => {
    judgePresentedKey(readPresentedKey(req), options).then(
      (judged) => {
        if (judged.passed) {
          req.apiKey = judged.key
          next()
          return
        }
        const { status, headers, body } = judged.problem
        res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) }).end(body)
      },
      (error: unknown) => next(error),
    )
  }
}
