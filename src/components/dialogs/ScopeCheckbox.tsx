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
  const id = useId()
  const descriptionId = `${id}-description`
  return (
    <div className="rak-checkbox rak-scope-option">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={scope.description === null ? undefined : descriptionId}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>
        {scope.label === scope.value ? (
          <code>{scope.value}</code>
        ) : (
          <>
            {scope.label} <code className="rak-scope-value">{scope.value}</code>
          </>
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
