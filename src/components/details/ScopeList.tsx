'use client'
import { useMessages } from '../../react/use-localization'
import { describeScope, type ScopeOption } from '../shared/scope-option'

/** Props of {@link ScopeList}. */
export interface ScopeListProps {
  scopes: readonly string[]
  /** The app's scopes, for each one's label and description. */
  available?: readonly ScopeOption[]
}

/** A key's scopes, each with the app's label and description of what it allows, when the app gives them. */
export function ScopeList({ scopes, available }: ScopeListProps) {
  const messages = useMessages()
  // Text in the definition, as "No description" and "No reason given": no paragraph's margins around it.
  if (scopes.length === 0) return <span className="rak-muted">{messages.noScopes}</span>
  return (
    <ul className="rak-scope-list">
      {scopes.map((value) => {
        const scope = describeScope(value, available)
        return (
          <li key={value}>
            {scope.label === value ? <code>{value}</code> : scope.label}
            {scope.label !== value && <code className="rak-scope-value">{value}</code>}
            {scope.description !== null && <span className="rak-hint rak-scope-description">{scope.description}</span>}
          </li>
        )
      })}
    </ul>
  )
}
