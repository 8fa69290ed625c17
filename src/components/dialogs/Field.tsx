'use client'
import { useId, type ReactNode } from 'react'
import { useMessages } from '../../react/use-localization'

/** What a field's control needs to be labelled and to point at its hint and error. */
export interface FieldControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

/** Props of {@link Field}. */
export interface FieldProps {
  label: ReactNode
  /** Marks the field "(optional)" after its label. */
  optional?: boolean
  /** What is wrong with the value, shown under the control and tied to it. */
  error?: string
  /** A caption under the control (e.g. when a key will expire), read with it. */
  hint?: ReactNode
  /** The control, given its id and ARIA attributes. */
  children: (control: FieldControlProps) => ReactNode
}

/**
 * One labelled form field: the label (with an optional marker), the control, a hint, and the error,
 * which the control points at with `aria-describedby` and marks with `aria-invalid`.
 */
export function Field({ label, optional = false, error, hint, children }: FieldProps) {
  const messages = useMessages()
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ')
  return (
    <div className="rak-field">
      <label className="rak-label" htmlFor={id}>
        {label}
        {optional && (
          <>
            {' '}
            <span className="rak-optional">({messages.optional})</span>
          </>
        )}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
      {hint && (
        <p id={hintId} className="rak-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="rak-field-error">
          {error}
        </p>
      )}
    </div>
  )
}
