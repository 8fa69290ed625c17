import { ApiKeysError, type ValidatedField } from '../../core/errors'
import type { CreateKeyParams } from '../../core/fetcher'

/** What of a key a backend may be unable to store. */
export type UnstorableField = 'scopes' | 'claims' | 'description'

/** Whether a call asks to store `field`: at least one scope, claims, or a description with text. */
function asksFor(params: Partial<Pick<CreateKeyParams, UnstorableField>>, field: UnstorableField): boolean {
  if (field === 'scopes') return (params.scopes?.length ?? 0) > 0
  if (field === 'claims') return params.claims !== undefined && params.claims !== null
  return typeof params.description === 'string' && params.description !== ''
}

/**
 * Refuses a create or update that asks for what the backend cannot store (`fields`), before any
 * request: dropped scopes or claims would issue a key with wider access than the caller asked for,
 * and a dropped description would look saved while the user's text was lost.
 */
export function refuseUnstorable(
  params: Partial<Pick<CreateKeyParams, UnstorableField>>,
  backend: string,
  fields: readonly UnstorableField[],
): void {
  const refused: ValidatedField[] = fields.filter((field) => asksFor(params, field))
  if (refused.length === 0) return
  throw new ApiKeysError('invalid_input', `${backend} API keys cannot carry ${refused.join(' or ')}.`, {
    status: 400,
    issues: refused.map((field) => ({ field, reason: 'invalid' })),
  })
}
