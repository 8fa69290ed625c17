import { ApiKeysError, type ValidationIssue } from './errors'

/** Longest key name, in characters (code points), after trimming. */
export const MAX_NAME_LENGTH = 64
/** Longest description, in characters. */
export const MAX_DESCRIPTION_LENGTH = 500
/** Longest revocation reason, in characters. */
export const MAX_REASON_LENGTH = 500
/** Farthest expiry from now: ten years of 365.25 days, in seconds. */
export const MAX_SECONDS_UNTIL_EXPIRATION = 315_576_000
/** Most scopes one key may carry. */
export const MAX_SCOPES = 50
/** Longest scope name. */
const MAX_SCOPE_LENGTH = 100
/** Longest grace period for a roll: 30 days, in seconds. */
export const MAX_GRACE_PERIOD_SECONDS = 30 * 24 * 60 * 60

/** What a create asks for, before validation. */
export interface CreateKeyInput {
  name: unknown
  description?: unknown
  secondsUntilExpiration?: unknown
  scopes?: unknown
  claims?: unknown
}

/** A create request that passed validation: trimmed, de-duplicated, every field present. */
export interface ValidCreateKeyInput {
  name: string
  description: string | null
  secondsUntilExpiration: number | null
  scopes: string[]
  claims: Record<string, unknown> | null
}

/** Most combining marks a name may stack on one character: more than any script needs, fewer than "Zalgo" text. */
export const MAX_STACKED_MARKS = 8

const length = (text: string): number => [...text].length

// A character a reader sees: not a space, control, format, private-use or unassigned character, not a
// combining mark on its own, not one of the default-ignorable characters (zero-width characters,
// Hangul fillers, variation selectors...) and not the blank Braille pattern.
const VISIBLE = /[^\p{White_Space}\p{C}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u
// Characters that change the direction text is shown in (overrides, embeddings, isolates, marks),
// with which a name can display as something else than it is ("exe.txt" shown for "txt.exe").
const DIRECTION_CONTROL = /\p{Bidi_Control}/u
const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/
const STACKED_MARKS = new RegExp(`\\p{M}{${MAX_STACKED_MARKS + 1}}`, 'u')

/**
 * The one rule of what a key name may look like, shared by every client and the server: at least one
 * visible character, no direction controls, one line, and at most {@link MAX_STACKED_MARKS} marks
 * on a character. Null when the (trimmed) name passes.
 */
function nameTextProblem(name: string): ValidationIssue | null {
  if (!VISIBLE.test(name)) return { field: 'name', reason: 'not_visible' }
  if (DIRECTION_CONTROL.test(name)) return { field: 'name', reason: 'direction_control' }
  if (LINE_BREAK.test(name)) return { field: 'name', reason: 'line_break' }
  if (STACKED_MARKS.test(name)) return { field: 'name', reason: 'stacked_marks', limit: MAX_STACKED_MARKS }
  return null
}

function checkName(value: unknown, issues: ValidationIssue[]): string {
  if (typeof value !== 'string' || value.trim() === '') {
    issues.push({ field: 'name', reason: 'required' })
    return ''
  }
  const name = value.trim()
  if (length(name) > MAX_NAME_LENGTH) {
    issues.push({ field: 'name', reason: 'too_long', limit: MAX_NAME_LENGTH })
    return name
  }
  const problem = nameTextProblem(name)
  if (problem !== null) issues.push(problem)
  return name
}

function checkText(
  value: unknown,
  field: 'description' | 'revocationReason',
  max: number,
  issues: ValidationIssue[],
): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') {
    issues.push({ field, reason: 'invalid' })
    return null
  }
  const text = value.trim()
  if (length(text) > max) issues.push({ field, reason: 'too_long', limit: max })
  return text === '' ? null : text
}

function checkSeconds(value: unknown, issues: ValidationIssue[]): number | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    issues.push({ field: 'secondsUntilExpiration', reason: 'not_positive_integer' })
    return null
  }
  if (value > MAX_SECONDS_UNTIL_EXPIRATION) {
    issues.push({ field: 'secondsUntilExpiration', reason: 'too_far', limit: MAX_SECONDS_UNTIL_EXPIRATION })
  }
  return value
}

function checkScopes(value: unknown, issues: ValidationIssue[]): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || value.some((scope) => typeof scope !== 'string' || scope.trim() === '')) {
    issues.push({ field: 'scopes', reason: 'invalid' })
    return []
  }
  const scopes = [...new Set((value as string[]).map((scope) => scope.trim()))]
  if (scopes.length > MAX_SCOPES) issues.push({ field: 'scopes', reason: 'too_many', limit: MAX_SCOPES })
  if (scopes.some((scope) => length(scope) > MAX_SCOPE_LENGTH)) {
    issues.push({ field: 'scopes', reason: 'too_long', limit: MAX_SCOPE_LENGTH })
  }
  return scopes
}

function checkClaims(value: unknown, issues: ValidationIssue[]): Record<string, unknown> | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ field: 'claims', reason: 'invalid' })
    return null
  }
  return value as Record<string, unknown>
}

function fail(issues: ValidationIssue[]): never {
  const fields = [...new Set(issues.map((issue) => issue.field))].join(', ')
  throw new ApiKeysError('invalid_input', `Please check: ${fields}.`, { issues })
}

/** Checks and normalizes a create request; throws an `invalid_input` error listing every refused field. */
export function validateCreateInput(input: CreateKeyInput): ValidCreateKeyInput {
  const issues: ValidationIssue[] = []
  const valid: ValidCreateKeyInput = {
    name: checkName(input.name, issues),
    description: checkText(input.description, 'description', MAX_DESCRIPTION_LENGTH, issues),
    secondsUntilExpiration: checkSeconds(input.secondsUntilExpiration, issues),
    scopes: checkScopes(input.scopes, issues),
    claims: checkClaims(input.claims, issues),
  }
  if (issues.length > 0) fail(issues)
  return valid
}

/** What an update may change, before validation. */
export interface UpdateKeyInput {
  name?: unknown
  description?: unknown
}

/** Checks an update: only the fields given are checked and returned. */
export function validateUpdateInput(input: UpdateKeyInput): { name?: string; description?: string | null } {
  const issues: ValidationIssue[] = []
  const valid: { name?: string; description?: string | null } = {}
  if (input.name !== undefined) valid.name = checkName(input.name, issues)
  if (input.description !== undefined) {
    valid.description = checkText(input.description, 'description', MAX_DESCRIPTION_LENGTH, issues)
  }
  if (issues.length > 0) fail(issues)
  return valid
}

/** Checks a revocation reason: optional, trimmed, at most 500 characters; empty becomes null. */
export function validateRevocationReason(value: unknown): string | null {
  const issues: ValidationIssue[] = []
  const reason = checkText(value, 'revocationReason', MAX_REASON_LENGTH, issues)
  if (issues.length > 0) fail(issues)
  return reason
}

/** Checks a roll's grace period: a whole number of seconds from 0 to 30 days. */
export function validateGracePeriod(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_GRACE_PERIOD_SECONDS) {
    fail([{ field: 'gracePeriodSeconds', reason: 'invalid', limit: MAX_GRACE_PERIOD_SECONDS }])
  }
  return value
}

/** Seconds from `now` until `date`, rounded up, for turning a chosen date into `secondsUntilExpiration`. */
export function secondsUntil(date: Date, now: number = Date.now()): number {
  return Math.ceil((date.getTime() - now) / 1000)
}
