'use client'
import { useId } from 'react'
import { useMessages } from '../../react/use-localization'
import { scopeDetails, type ScopeOption } from '../shared/scope-option'
import { ScopeCheckbox } from './ScopeCheckbox'

/** Props of {@link ScopesField}. */
export interface ScopesFieldProps {
  /** The scopes offered: values, or `{ value, label, description }` to show a label and what each allows. */
  available: readonly ScopeOption[]
  value: string[]
  onChange: (value: string[]) => void
  error?: string
}

/** The scopes a key may carry, as a group of checkboxes, each with its description when the app gives one. */
export function ScopesField({ available, value, onChange, error }: ScopesFieldProps) {
  const messages = useMessages()
  const errorId = useId()
  return (
    <fieldset className="rak-field rak-fieldset" aria-describedby={error ? errorId : undefined}>
      <legend className="rak-label">
        {messages.scopesLabel} <span className="rak-optional">({messages.optional})</span>
      </legend>
      <div className="rak-checkbox-grid">
        {available.map(scopeDetails).map((scope) => (
          <ScopeCheckbox
            key={scope.value}
            scope={scope}
            checked={value.includes(scope.value)}
            onChange={(checked) =>
              onChange(checked ? [...value, scope.value] : value.filter((chosen) => chosen !== scope.value))
            }
          />
        ))}
      </div>
      {error && (
        <p id={errorId} className="rak-field-error">
          {error}
        </p>
      )}
    </fieldset>
  )
}
