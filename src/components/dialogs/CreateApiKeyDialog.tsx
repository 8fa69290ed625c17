'use client'
import { useId, useRef, useState, type FormEvent } from 'react'
import { toApiKeysError, type ApiKeysError, type ValidatedField } from '../../core/errors'
import type { CreatedAPIKey } from '../../core/types'
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH, secondsUntil, validateCreateInput } from '../../core/validation'
import { createKey } from '../../client/key-actions'
import { useBoundAction, useSupports } from '../../react/use-api-keys-client'
import { useMessages } from '../../react/use-localization'
import { DialogShell } from '../shared/DialogShell'
import type { ScopeOption } from '../shared/scope-option'
import { describeError } from '../shared/error-message'
import { DialogFooter } from './DialogFooter'
import { ExpirationField } from './ExpirationField'
import { DEFAULT_EXPIRATION_OPTIONS, defaultExpiration, expirationDate, type ExpirationOption } from './expiration'
import { ScopesField } from './ScopesField'

/** Props of {@link CreateApiKeyDialog}. */
export interface CreateApiKeyDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Whose key: defaults to the Provider's subject (active organization, then user). */
  subject?: string
  /** Called with the new key and its one-time secret: show it (e.g. in `SecretRevealDialog`), never store it. */
  onCreated: (created: CreatedAPIKey) => void
  onError?: (error: ApiKeysError) => void
  /** Offer a description field (default true). */
  showDescription?: boolean
  /** The expiration choices (default Never, 1, 7, 30, 60, 90, 180 days, 1 year, custom). */
  expirationOptions?: readonly ExpirationOption[]
  /** Scopes the user may grant, shown as checkboxes; none shown when left out, or when the Provider's backend stores no scopes. */
  availableScopes?: readonly ScopeOption[]
  /** Where focus goes when the dialog closes, if the element that opened it is gone. */
  returnFocusTo?: () => HTMLElement | null | undefined
}

type FieldErrors = Partial<Record<ValidatedField, string>>

/** What the user has typed and chosen so far; kept across closing, cleared after a create. */
interface Draft {
  name: string
  description: string
  expiration: ExpirationOption
  customDate: string
  scopes: string[]
}

/**
 * The create form in a dialog: name (required), description, expiration, scopes. Bad input is
 * explained next to its field; a refused request is explained in the dialog; nothing typed is lost.
 */
export function CreateApiKeyDialog(props: CreateApiKeyDialogProps) {
  const { showDescription = true, expirationOptions = DEFAULT_EXPIRATION_OPTIONS } = props
  // A backend that stores no scopes gets no picker (and so never a scope it would refuse).
  const offerScopes = useSupports().scopes
  const availableScopes = offerScopes ? props.availableScopes : undefined
  const messages = useMessages()
  const create = useBoundAction(createKey)
  const nameId = useId()
  const nameErrorId = useId()
  const descriptionId = useId()
  const descriptionErrorId = useId()
  const nameRef = useRef<HTMLInputElement>(null)
  const dateRef = useRef<HTMLInputElement>(null)
  const emptyDraft = (): Draft => ({
    name: '',
    description: '',
    expiration: defaultExpiration(expirationOptions),
    customDate: '',
    scopes: [],
  })
  const [draft, setDraft] = useState(emptyDraft)
  const { name, description, expiration, customDate, scopes } = draft
  const change = (fields: Partial<Draft>): void => setDraft((current) => ({ ...current, ...fields }))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [summary, setSummary] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  /** The seconds to send, or a field error for a custom date that is missing or not in the future. */
  function chosenSeconds(): { seconds: number | null; error?: string } {
    const date = expirationDate(expiration, customDate, Date.now())
    if (expiration === 'never') return { seconds: null }
    if (!date) return { seconds: null, error: messages.validation(messages.field.secondsUntilExpiration, 'required') }
    const seconds = secondsUntil(date)
    if (seconds <= 0) return { seconds: null, error: messages.validation(messages.customDateLabel, 'in_past') }
    return { seconds }
  }

  function cancel(): void {
    // What was typed stays for next time; an error about the last attempt does not.
    setErrors({})
    setSummary(null)
    props.onOpenChange(false)
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (pending) return
    const expiry = chosenSeconds()
    const input = {
      name,
      description: showDescription ? description : null,
      secondsUntilExpiration: expiry.seconds,
      scopes: offerScopes ? scopes : [],
    }
    let found: FieldErrors = {}
    try {
      validateCreateInput(input)
    } catch (error) {
      found = describeError(messages, error).fields
    }
    if (expiry.error) found.secondsUntilExpiration = expiry.error
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setSummary(messages.errors.invalid_input)
      if (found.name) nameRef.current?.focus()
      else if (found.secondsUntilExpiration) dateRef.current?.focus()
      return
    }
    setSummary(null)
    setPending(true)
    try {
      const created = await create({ ...input, subject: props.subject })
      setDraft(emptyDraft())
      setErrors({})
      props.onCreated(created)
    } catch (error) {
      const shown = describeError(messages, error, { action: 'create', name: name.trim() })
      setErrors(shown.fields)
      setSummary(shown.summary)
      props.onError?.(toApiKeysError(error))
    } finally {
      setPending(false)
    }
  }

  return (
    <DialogShell
      open={props.open}
      onOpenChange={(open) => {
        if (pending) return
        if (open) props.onOpenChange(true)
        else cancel()
      }}
      dismissible={!pending}
      title={messages.createTitle}
      description={messages.createDescription}
      returnFocusTo={props.returnFocusTo}
      className="rak-dialog--create"
    >
      <form className="rak-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending || undefined}>
        <div className="rak-field">
          <label className="rak-label" htmlFor={nameId}>
            {messages.nameLabel}
          </label>
          <input
            ref={nameRef}
            id={nameId}
            className="rak-input"
            value={name}
            required
            maxLength={MAX_NAME_LENGTH * 2}
            autoComplete="off"
            placeholder={messages.namePlaceholder}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? nameErrorId : undefined}
            onChange={(event) => {
              change({ name: event.target.value })
              if (errors.name) setErrors(({ name: _dropped, ...rest }) => rest)
            }}
          />
          {errors.name && (
            <p id={nameErrorId} className="rak-field-error">
              {errors.name}
            </p>
          )}
        </div>
        {showDescription && (
          <div className="rak-field">
            <label className="rak-label" htmlFor={descriptionId}>
              {messages.descriptionLabel} <span className="rak-optional">({messages.optional})</span>
            </label>
            <textarea
              id={descriptionId}
              className="rak-input rak-textarea"
              value={description}
              rows={2}
              maxLength={MAX_DESCRIPTION_LENGTH * 2}
              placeholder={messages.descriptionPlaceholder}
              aria-invalid={errors.description ? true : undefined}
              aria-describedby={errors.description ? descriptionErrorId : undefined}
              onChange={(event) => change({ description: event.target.value })}
            />
            {errors.description && (
              <p id={descriptionErrorId} className="rak-field-error">
                {errors.description}
              </p>
            )}
          </div>
        )}
        <ExpirationField
          options={expirationOptions}
          value={expiration}
          customDate={customDate}
          error={errors.secondsUntilExpiration}
          dateInput={dateRef}
          onChange={(value) => change({ expiration: value })}
          onCustomDateChange={(value) => change({ customDate: value })}
        />
        {availableScopes && availableScopes.length > 0 && (
          <ScopesField
            available={availableScopes}
            value={scopes}
            onChange={(value) => change({ scopes: value })}
            error={errors.scopes}
          />
        )}
        <DialogFooter
          failure={summary}
          pending={pending}
          onCancel={cancel}
          submit={messages.createSubmit}
          submitting={messages.creating}
          variant="primary"
        />
      </form>
    </DialogShell>
  )
}
