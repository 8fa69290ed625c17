import { validateCreateInput, type CreateKeyInput, type ValidCreateKeyInput } from '../../core/validation'
import { checkClaimsSize } from './claims'
import { assertSafeFields } from './text-safety'

/**
 * Every check of a create's fields, in one place: the shapes and lengths of core validation, text
 * that is safe to store, and claims of bounded size. `service.create` runs it before it stores a
 * key; the handler runs it before it charges the caller's rate limit, so an invalid create costs
 * nothing. Throws `ApiKeysError('invalid_input')` with one issue per field.
 */
export function checkCreateFields(input: CreateKeyInput): ValidCreateKeyInput {
  const valid = validateCreateInput(input)
  assertSafeFields({ name: valid.name, description: valid.description, scopes: valid.scopes, claims: valid.claims })
  return { ...valid, claims: checkClaimsSize(valid.claims) }
}
