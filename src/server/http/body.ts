import { redactSecrets } from '../../core/key-format'
import { HttpProblem } from './problem'

/** The largest request body the kit reads: 16 KiB. */
export const MAX_BODY_BYTES = 16 * 1024

const MAX_ECHOED_FIELD = 64

function tooLarge(maxBytes: number): HttpProblem {
  return new HttpProblem(413, 'invalid_input', `The request body is larger than ${maxBytes} bytes.`)
}

/** Reads at most `maxBytes` of a body, refusing (413) as soon as it goes past them. */
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length')
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) throw tooLarge(maxBytes)
  if (request.body === null) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/** How {@link readJsonObject} reads a body. */
export interface JsonBodyRules {
  /** The only fields allowed; any other answers 400. */
  allowed: readonly string[]
  /** Whether an empty body is allowed (it reads as `{}`). */
  optional?: boolean
  maxBytes?: number
}

/**
 * Reads a request body as one JSON object: at most 16 KiB (413 past it, checked while streaming),
 * valid UTF-8 and JSON (400), an object (400) with no field outside `allowed` (400, listing them).
 * Its `Content-Type` was checked before, with every state-changing request's (`refuseForgedRequest`).
 */
export async function readJsonObject(request: Request, rules: JsonBodyRules): Promise<Record<string, unknown>> {
  const maxBytes = rules.maxBytes ?? MAX_BODY_BYTES
  const bytes = await readLimited(request, maxBytes)
  if (bytes.byteLength === 0) {
    if (rules.optional) return {}
    throw new HttpProblem(400, 'invalid_input', 'This request needs a JSON body.')
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new HttpProblem(400, 'invalid_input', 'The request body is not valid UTF-8.')
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new HttpProblem(400, 'invalid_input', 'The request body is not valid JSON.')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpProblem(400, 'invalid_input', 'The request body must be a JSON object.')
  }
  const unknown = Object.keys(value).filter((field) => !rules.allowed.includes(field))
  if (unknown.length > 0) {
    throw new HttpProblem(400, 'invalid_input', `Unknown fields. Allowed: ${rules.allowed.join(', ')}.`, {
      issues: unknown
        .slice(0, 10)
        .map((field) => ({ field: redactSecrets(field).slice(0, MAX_ECHOED_FIELD), reason: 'unknown' })),
    })
  }
  return value as Record<string, unknown>
}
