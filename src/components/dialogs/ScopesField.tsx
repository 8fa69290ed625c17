'use client'
import { useId } from 'react'
import { useMessages } from '../../react/use-localization'

/** Props of {@link ScopesField}. */
export interface ScopesFieldProps {
  available: readonly string[]
  value: string[]
  onChange: (value: string[]) => void
  error?: string
}

/** The scopes a key may carry, as a group of checkboxes. */
export function ScopesField({ available, value, onChange, error }: ScopesFieldProps) {
  const messages = useMessages()
  const errorId = useId()
  return (
    <fieldset className="rak-field rak-fieldset" aria-describedby={error ? errorId : undefined}>
      <legend className="rak-label">
        {messages.scopesLabel} <span className="rak-optional">({messages.optional})</span>
      </legend>
      <div className="rak-checkbox-grid">
        {available.map((scope) => (
          <label key={scope} className="rak-checkbox">
            <input
              type="checkbox"
              checked={value.includes(scope)}
              onChange={(event) =>
                onChange(event.target.checked ? [...value, scope] : value.filter((chosen) => chosen !== scope))
              }
            />
            <code>{scope}</code>
          </label>
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
