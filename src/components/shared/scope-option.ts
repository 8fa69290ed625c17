/**
 * A scope the app offers: its value alone (`'orders:write'`), or with a label to show instead of the
 * value and a sentence saying what it allows.
 */
export type ScopeOption = string | { value: string; label?: string; description?: string }

/** A scope option with every part spelled out (label defaults to the value). */
export interface ScopeDetails {
  value: string
  label: string
  description: string | null
}

/** `option` with every part spelled out. */
export function scopeDetails(option: ScopeOption): ScopeDetails {
  if (typeof option === 'string') return { value: option, label: option, description: null }
  return { value: option.value, label: option.label ?? option.value, description: option.description ?? null }
}

/**
 * What to show for the scope `value` of a key: the app's label and description when it offers that
 * scope, else the value alone (a key may carry a scope the app no longer lists).
 */
export function describeScope(value: string, available: readonly ScopeOption[] = []): ScopeDetails {
  const option = available.find((candidate) => (typeof candidate === 'string' ? candidate : candidate.value) === value)
  return option === undefined ? scopeDetails(value) : scopeDetails(option)
}
