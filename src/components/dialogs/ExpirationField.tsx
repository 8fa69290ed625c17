'use client'
import { useId, type Ref } from 'react'
import { useMessages } from '../../react/use-localization'
import { useFormatters } from '../shared/format'
import { useNow } from '../shared/use-now'
import { expirationDate, toDateInputValue, type ExpirationOption } from './expiration'

/** Props of {@link ExpirationField}. */
export interface ExpirationFieldProps {
  options: readonly ExpirationOption[]
  value: ExpirationOption
  customDate: string
  error?: string
  disabled?: boolean
  /** The custom date input, for moving focus to it when it is at fault. */
  dateInput?: Ref<HTMLInputElement>
  onChange: (value: ExpirationOption) => void
  onCustomDateChange: (value: string) => void
}

/** The expiration presets, a custom date when chosen, and a caption saying when the key will expire. */
export function ExpirationField({ dateInput, ...props }: ExpirationFieldProps) {
  const messages = useMessages()
  const format = useFormatters()
  // Kept here, not in the dialog: a closed dialog runs no clock.
  const now = useNow()
  const selectId = useId()
  const dateId = useId()
  const captionId = useId()
  const errorId = useId()
  const label = (option: ExpirationOption): string =>
    option === 'never'
      ? messages.expirationNever
      : option === 'custom'
        ? messages.expirationCustom
        : option === 365
          ? messages.expirationYear
          : messages.expirationDays(option)
  const expires = expirationDate(props.value, props.customDate, now)
  const tomorrow = toDateInputValue(new Date(now + 24 * 60 * 60 * 1000))
  const describedBy = props.error ? `${captionId} ${errorId}` : captionId
  return (
    <div className="rak-field">
      <label className="rak-label" htmlFor={selectId}>
        {messages.expirationLabel}
      </label>
      <select
        id={selectId}
        className="rak-input rak-select"
        value={String(props.value)}
        disabled={props.disabled}
        aria-describedby={props.value === 'custom' ? undefined : describedBy}
        onChange={(event) => {
          const raw = event.target.value
          props.onChange(raw === 'never' || raw === 'custom' ? raw : Number(raw))
        }}
      >
        {props.options.map((option) => (
          <option key={String(option)} value={String(option)}>
            {label(option)}
          </option>
        ))}
      </select>
      {props.value === 'custom' && (
        <>
          <label className="rak-label" htmlFor={dateId}>
            {messages.customDateLabel}
          </label>
          <input
            ref={dateInput}
            id={dateId}
            type="date"
            className="rak-input"
            min={tomorrow}
            value={props.customDate}
            disabled={props.disabled}
            aria-invalid={props.error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => props.onCustomDateChange(event.target.value)}
          />
        </>
      )}
      <p id={captionId} className="rak-hint" aria-live="polite">
        {expires ? messages.expiresOn(format.date(expires)) : props.value === 'never' ? messages.expiresNever : ''}
      </p>
      {props.error && (
        <p id={errorId} className="rak-field-error">
          {props.error}
        </p>
      )}
    </div>
  )
}
