import { ApiKeysError } from '../../core/errors'

/** Largest claims object, as JSON, in characters. */
export const MAX_CLAIMS_JSON_LENGTH = 4096

/** Checks that claims (already known to be an object or null) are plain JSON of bounded size. */
export function checkClaimsSize(claims: Record<string, unknown> | null): Record<string, unknown> | null {
  if (claims === null) return null
  let json: string | undefined
  try {
    json = JSON.stringify(claims)
  } catch {
    json = undefined
  }
  if (json === undefined) {
    throw new ApiKeysError('invalid_input', 'Please check: claims.', {
      issues: [{ field: 'claims', reason: 'invalid' }],
    })
  }
  if (json.length > MAX_CLAIMS_JSON_LENGTH) {
    throw new ApiKeysError('invalid_input', 'Please check: claims.', {
      issues: [{ field: 'claims', reason: 'too_long', limit: MAX_CLAIMS_JSON_LENGTH }],
    })
  }
  return JSON.parse(json) as Record<string, unknown>
}
