'use client'
import { useRef, useState, type FormEvent } from 'react'
import type { ApiKeysError, ValidatedField } from '../../core/errors'
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
import { Field } from './Field'
import { ScopesField } from './ScopesField'
import { useKeyAction } from './use-key-action'

/** Props of {@link CreateApiKeyDialog}. */
export interface CreateApiKeyDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Whose key: defaults to the Provider's subject (active organization, then user). */
  subject?: string
  /** Called with the new key and its one-time secret: show it (e.g. in `SecretRevealDialog`), never store it. */
  onCreated: (created: CreatedAPIKey) => void
  onError?: (error: ApiKeysError) => void
  /** Offer a description field (default true; never on a backend with `supports.description: false`). */
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

/** Which field's error a change of each part of the draft answers. */
const FIELD_OF: Record<keyof Draft, ValidatedField> = {
  name: 'name',
  description: 'description',
  expiration: 'secondsUntilExpiration',
  customDate: 'secondsUntilExpiration',
  scopes: 'scopes',
}

/**
 * The create form in a dialog: name (required), description, expiration, scopes. Bad input is
 * explained once, next to its field, which takes focus; an error leaves as soon as its field
 * changes. A refused request is explained in the dialog; nothing typed is lost.
 */
export function CreateApiKeyDialog(props: CreateApiKeyDialogProps) {
  const { expirationOptions = DEFAULT_EXPIRATION_OPTIONS } = props
  // A backend that stores no scopes gets no picker, and one that stores no description no description
  // field (and so never what it would refuse).
  const supports = useSupports()
  const offerScopes = supports.scopes
  const showDescription = (props.showDescription ?? true) && supports.description
  const availableScopes = offerScopes ? props.availableScopes : undefined
  const messages = useMessages()
  const create = useBoundAction(createKey)
  const action = useKeyAction(props.onError)
  const nameRef = useRef<HTMLInputElement>(null)
  const descriptionRef = useRef<HTMLTextAreaElement>(null)
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
  const [errors, setErrors] = useState<FieldErrors>({})

  function change(fields: Partial<Draft>): void {
    setDraft((current) => ({ ...current, ...fields }))
    const answered = new Set(Object.keys(fields).map((part) => FIELD_OF[part as keyof Draft]))
    setErrors((current) => {
      const kept = Object.entries(current).filter(([field]) => !answered.has(field as ValidatedField))
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept)
    })
  }

  /** Shows the errors on their fields and moves focus to the first field at fault. */
  function showFieldErrors(found: FieldErrors): void {
    setErrors(found)
    if (found.name) nameRef.current?.focus()
    else if (found.description) descriptionRef.current?.focus()
    else if (found.secondsUntilExpiration) dateRef.current?.focus()
  }

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
    action.reset()
    props.onOpenChange(false)
  }

  function submit(event: FormEvent): void {
    event.preventDefault()
    if (action.pending) return
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
    if (Object.keys(found).length > 0) {
      action.reset()
      showFieldErrors(found)
      return
    }
    setErrors({})
    action.run(
      () => create({ ...input, subject: props.subject }),
      (created) => {
        setDraft(emptyDraft())
        props.onCreated(created)
      },
      (error) => {
        const shown = describeError(messages, error, { action: 'create', name: name.trim() })
        if (Object.keys(shown.fields).length === 0) return shown.summary
        showFieldErrors(shown.fields)
        return null
      },
    )
  }

  return (
    <DialogShell
      open={props.open}
      onOpenChange={(open) => {
        if (action.pending) return
        if (open) props.onOpenChange(true)
        else cancel()
      }}
      dismissible={!action.pending}
      title={messages.createTitle}
      description={messages.createDescription}
      returnFocusTo={props.returnFocusTo}
      className="rak-dialog--create"
    >
      <form className="rak-form" noValidate onSubmit={submit} aria-busy={action.pending || undefined}>
        <Field label={messages.nameLabel} error={errors.name}>
          {(control) => (
            <input
              {...control}
              ref={nameRef}
              className="rak-input"
              value={name}
              required
              maxLength={MAX_NAME_LENGTH * 2}
              autoComplete="off"
              placeholder={messages.namePlaceholder}
              onChange={(event) => change({ name: event.target.value })}
            />
          )}
        </Field>
        {showDescription && (
          <Field label={messages.descriptionLabel} optional error={errors.description}>
            {(control) => (
              <textarea
                {...control}
                ref={descriptionRef}
                className="rak-input rak-textarea"
                value={description}
                rows={2}
                maxLength={MAX_DESCRIPTION_LENGTH * 2}
                placeholder={messages.descriptionPlaceholder}
                onChange={(event) => change({ description: event.target.value })}
              />
            )}
          </Field>
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
          failure={action.failure}
          pending={action.pending}
          onCancel={cancel}
          submit={messages.createSubmit}
          submitting={messages.creating}
          variant="primary"
        />
      </form>
    </DialogShell>
  )
}
