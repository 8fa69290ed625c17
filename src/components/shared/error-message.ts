import { toApiKeysError, type ValidatedField, type ValidationIssue } from '../../core/errors'
import type { Messages } from '../../i18n/messages'

/** What a form shows for a failed request: one summary, and messages for the fields at fault. */
export interface ShownError {
  summary: string
  fields: Partial<Record<ValidatedField, string>>
}

/** Localized field messages for a list of issues, the first issue of each field winning. */
function fieldMessages(messages: Messages, issues: ValidationIssue[]): Partial<Record<ValidatedField, string>> {
  const fields: Partial<Record<ValidatedField, string>> = {}
  for (const issue of issues)
    fields[issue.field] ??= messages.validation(messages.field[issue.field], issue.reason, issue.limit)
  return fields
}

/**
 * Turns anything a request threw into what the user reads: a duplicate name, a quota, a network
 * failure each get a message that says what to do. Nothing is swallowed: unknown errors still show.
 */
export function describeError(
  messages: Messages,
  thrown: unknown,
  context: { name?: string; action?: 'create' | 'other' } = {},
): ShownError {
  const error = toApiKeysError(thrown)
  const fields = fieldMessages(messages, error.issues)
  if (error.code === 'conflict' && context.action === 'create' && context.name) {
    const duplicate = messages.duplicateName(context.name)
    return { summary: duplicate, fields: { ...fields, name: duplicate } }
  }
  if (error.code === 'forbidden' && context.action === 'create') return { summary: messages.quotaExceeded, fields }
  return { summary: messages.errors[error.code], fields }
}
