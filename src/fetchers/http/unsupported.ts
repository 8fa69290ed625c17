import { ApiKeysError, type ValidatedField } from '../../core/errors'
import type { CreateKeyParams } from '../../core/fetcher'

/**
 * Refuses a create that asks for what the backend cannot store (scopes, claims), before any request:
 * dropping them would issue a key with wider access than the caller asked for.
 */
export function refuseUnstorable(params: Pick<CreateKeyParams, 'scopes' | 'claims'>, backend: string): void {
  const refused: ValidatedField[] = []
  if (params.scopes.length > 0) refused.push('scopes')
  if (params.claims !== null) refused.push('claims')
  if (refused.length === 0) return
  throw new ApiKeysError('invalid_input', `${backend} API keys cannot carry ${refused.join(' or ')}.`, {
    status: 400,
    issues: refused.map((field) => ({ field, reason: 'invalid' })),
  })
}
