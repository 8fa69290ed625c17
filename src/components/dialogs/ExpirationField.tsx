'use client'
import type { Ref } from 'react'
import { useMessages } from '../../react/use-localization'
import { useFormatters } from '../shared/format'
import { useNow } from '../shared/use-now'
import { expirationDate, toDateInputValue, type ExpirationOption } from './expiration'
import { Field } from './Field'

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

/**
 * The expiration presets, a custom date when chosen, and a caption saying when the key will expire.
 * The caption and the error belong to the custom date when there is one, else to the presets.
 */
export function ExpirationField({ dateInput, ...props }: ExpirationFieldProps) {
  const messages = useMessages()
  const format = useFormatters()
  // Kept here, not in the dialog: a closed dialog runs no clock.
  const now = useNow()
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
  const caption = expires
    ? messages.expiresOn(format.date(expires))
    : props.value === 'never'
      ? messages.expiresNever
      : undefined
  const custom = props.value === 'custom'
  return (
    <>
      <Field
        label={messages.expirationLabel}
        hint={custom ? undefined : caption}
        error={custom ? undefined : props.error}
      >
        {(control) => (
          <select
            {...control}
            className="rak-input rak-select"
            value={String(props.value)}
            disabled={props.disabled}
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
        )}
      </Field>
      {custom && (
        <Field label={messages.customDateLabel} hint={caption} error={props.error}>
          {(control) => (
            <input
              {...control}
              ref={dateInput}
              type="date"
              className="rak-input"
              min={tomorrow}
              value={props.customDate}
              disabled={props.disabled}
              onChange={(event) => props.onCustomDateChange(event.target.value)}
            />
          )}
        </Field>
      )}
    </>
  )
}
