'use client'
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useEffectBeforePaint } from '../../react/use-effect-before-paint'
import { useMessages } from '../../react/use-localization'

/** Props of {@link EditableText}. */
export interface EditableTextProps {
  /** What the value is ("Name", "Description"): the label of the field while editing. */
  label: string
  /** The accessible name of the Edit button ("Edit name"). */
  editLabel: string
  value: string | null
  /** Shown, muted, when the value is empty. */
  emptyText?: string
  /** A textarea instead of a one-line field. */
  multiline?: boolean
  maxLength: number
  /** Whether the backend can change it: without, the value shows with no Edit button. */
  editable: boolean
  /**
   * Saves the typed text: resolves to null when saved, or to the message to show on the field (a
   * refused name), which keeps the field open with the text as typed.
   */
  onSave: (text: string) => Promise<string | null>
  /** Called when editing starts and stops (the sheet keeps Escape for the editor meanwhile). */
  onEditingChange?: (editing: boolean) => void
  /** How the value is shown when not editing (default a paragraph). */
  as?: 'p' | 'h3'
}

/**
 * A value shown as text with an Edit button; editing shows a field with Save and Cancel. Enter (in a
 * one-line field) saves, Escape (from the field, Save or Cancel) cancels; while saving the field is
 * read-only and Save says so; a refused value keeps the field open with its error, and focus returns
 * to Edit when done.
 */
export function EditableText(props: EditableTextProps) {
  const { label, value, editable, multiline = false, as: Tag = 'p' } = props
  const messages = useMessages()
  const id = useId()
  const errorId = `${id}-error`
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState('')
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const editButton = useRef<HTMLButtonElement>(null)
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  // Focus goes back to Edit once the render that brings it back is committed, before it is painted.
  // A frame's callback was too early after a save: React renders a promise's update in a task of
  // its own, often after that frame, and the dialog had put focus on itself by then.
  const returnFocus = useRef(false)
  useEffectBeforePaint(() => {
    if (editing || !returnFocus.current) return
    returnFocus.current = false
    editButton.current?.focus()
  }, [editing])

  function setEditingTo(next: boolean): void {
    setEditing(next)
    props.onEditingChange?.(next)
  }

  function start(): void {
    setDraft(value ?? '')
    setError(null)
    setEditingTo(true)
  }

  function stop(): void {
    setEditingTo(false)
    setError(null)
    returnFocus.current = true
  }

  function save(event?: FormEvent): void {
    event?.preventDefault()
    if (pending) return
    setPending(true)
    setError(null)
    void props.onSave(draft).then((refusal) => {
      setPending(false)
      if (refusal === null) {
        stop()
        return
      }
      setError(refusal)
      field.current?.focus()
    })
  }

  // On the form, not the field: Escape on Save or Cancel cancels too (the sheet leaves Escape to an
  // open editor).
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Escape' && !pending) {
      event.preventDefault()
      stop()
    }
  }

  if (!editing) {
    return (
      <div className="rak-editable">
        <Tag className={value ? 'rak-editable-value' : 'rak-editable-value rak-muted'}>{value || props.emptyText}</Tag>
        {editable && (
          <button
            ref={editButton}
            type="button"
            className="rak-button rak-button--link"
            aria-label={props.editLabel}
            onClick={start}
          >
            {messages.edit}
          </button>
        )}
      </div>
    )
  }

  const control = {
    ref: field,
    id,
    className: 'rak-input',
    value: draft,
    maxLength: props.maxLength,
    readOnly: pending,
    autoFocus: true,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  } as const
  return (
    <form className="rak-editable rak-editable--editing" onSubmit={save} onKeyDown={onKeyDown} noValidate>
      <label className="rak-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...control} rows={3} onChange={(event) => setDraft(event.target.value)} />
      ) : (
        <input {...control} type="text" onChange={(event) => setDraft(event.target.value)} />
      )}
      {error && (
        <p id={errorId} className="rak-field-error">
          {error}
        </p>
      )}
      <div className="rak-editable-actions">
        <button type="button" className="rak-button rak-button--secondary" onClick={stop} disabled={pending}>
          {messages.cancel}
        </button>
        <button type="submit" className="rak-button rak-button--primary" aria-disabled={pending || undefined}>
          {pending ? messages.saving : messages.save}
        </button>
      </div>
    </form>
  )
}
