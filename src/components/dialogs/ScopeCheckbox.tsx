'use client'
import { useId } from 'react'
import type { ScopeDetails } from '../shared/scope-option'

/** Props of {@link ScopeCheckbox}. */
export interface ScopeCheckboxProps {
  scope: ScopeDetails
  checked: boolean
  onChange: (checked: boolean) => void
}

/** One scope's checkbox: its label (or its value, in code) and, below, what it allows. */
export function ScopeCheckbox({ scope, checked, onChange }: ScopeCheckboxProps) {
  const descriptionId = useId()
  return (
    <div className="rak-scope-option">
      <label className="rak-checkbox">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={scope.description === null ? undefined : descriptionId}
          onChange={(event) => onChange(event.target.checked)}
        />
        {scope.label === scope.value ? (
          <code>{scope.value}</code>
        ) : (
          <span>
            {scope.label} <code className="rak-scope-value">{scope.value}</code>
          </span>
        )}
      </label>
      {scope.description !== null && (
        <p id={descriptionId} className="rak-hint rak-scope-description">
          {scope.description}
        </p>
      )}
    </div>
  )
}
