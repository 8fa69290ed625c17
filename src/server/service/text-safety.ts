import { ApiKeysError, type ValidatedField, type ValidationIssue } from '../../core/errors'

// C0 controls but tab and newline, DEL, C1 controls; and UTF-16 surrogates that are not in a pair.
// Matching control characters is the point of these patterns.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F-\u009F]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Whether text is safe to store everywhere: no NUL or other control characters (PostgreSQL text
 * and jsonb refuse NUL; terminals and logs misbehave on the rest) and no lone surrogates (which
 * UTF-8 cannot carry). `multiline` allows tab and newline, for descriptions.
 */
export function isSafeText(text: string, multiline = false): boolean {
  return !(multiline ? CONTROL : CONTROL_OR_NEWLINE).test(text) && !LONE_SURROGATE.test(text)
}

function isSafeJson(value: unknown, depth: number): boolean {
  if (depth > 16) return false
  if (typeof value === 'string') return isSafeText(value, true)
  if (Array.isArray(value)) return value.every((item) => isSafeJson(item, depth + 1))
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).every(([key, item]) => isSafeText(key) && isSafeJson(item, depth + 1))
  }
  return true
}

/** Refuses (`invalid_input`, one issue per field) any field whose text is not {@link isSafeText}. */
export function assertSafeFields(fields: Partial<Record<ValidatedField, unknown>>): void {
  const issues: ValidationIssue[] = []
  for (const [field, value] of Object.entries(fields) as [ValidatedField, unknown][]) {
    const safe =
      field === 'claims'
        ? isSafeJson(value, 0)
        : Array.isArray(value)
          ? value.every((item) => typeof item !== 'string' || isSafeText(item))
          : typeof value !== 'string' || isSafeText(value, field === 'description' || field === 'revocationReason')
    if (!safe) issues.push({ field, reason: 'invalid' })
  }
  if (issues.length > 0) {
    throw new ApiKeysError('invalid_input', `Please check: ${issues.map((issue) => issue.field).join(', ')}.`, {
      issues,
    })
  }
}
