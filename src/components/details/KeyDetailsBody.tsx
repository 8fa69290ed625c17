'use client'
import { useRef } from 'react'
import { updateKey } from '../../client/key-actions'
import { toApiKeysError, type ApiKeysError } from '../../core/errors'
import { getKeyStatus } from '../../core/key-status'
import { maskedKey } from '../../core/masked-key'
import type { APIKeyResource } from '../../core/types'
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH } from '../../core/validation'
import { useApiKeysContext } from '../../react/context'
import { useBoundAction, useSupports } from '../../react/use-api-keys-client'
import { useMessages } from '../../react/use-localization'
import { StatusBadge } from '../manager/StatusBadge'
import { describeError } from '../shared/error-message'
import { useFormatters } from '../shared/format'
import type { ScopeOption } from '../shared/scope-option'
import { useNow } from '../shared/use-now'
import { CopyTextButton } from './CopyTextButton'
import { creatorName, type ResolveUser } from './creator-name'
import { EditableText } from './EditableText'
import { Fact } from './Fact'
import { RotationLink } from './RotationLink'
import { ScopeList } from './ScopeList'

/** Props of {@link KeyDetailsBody}. */
export interface KeyDetailsBodyProps {
  apiKey: APIKeyResource
  subject?: string
  availableScopes?: readonly ScopeOption[]
  resolveUser?: ResolveUser
  /** Switches the details to another key (the other key of a roll). */
  onShowKey: (key: APIKeyResource) => void
  /** Called with the key as saved after a rename or a new description. */
  onUpdated: (key: APIKeyResource) => void
  /** Called with whether any in-place editor is open, each time one opens or closes. */
  onEditingChange: (editing: boolean) => void
  onError?: (error: ApiKeysError) => void
}

type EditedField = 'name' | 'description'

/**
 * Everything about one key but its secret: name and description (editable in place when the
 * backend can update), id, masked key, status, a revocation's time, revoker (when known) and reason
 * right after it, the other key of a roll, scopes, claims, who made it and when, expiry, last use.
 */
export function KeyDetailsBody(props: KeyDetailsBodyProps) {
  const { apiKey: key, subject } = props
  const messages = useMessages()
  const format = useFormatters()
  const now = useNow()
  const context = useApiKeysContext()
  const supports = useSupports()
  const editable = supports.update
  const update = useBoundAction(updateKey)
  const status = getKeyStatus(key, now)
  const time = (date: Date) => <time dateTime={date.toISOString()}>{format.dateTime(date)}</time>
  const people = { userId: context.userId, teams: context.teams, resolveUser: props.resolveUser }
  // The signed-in user reads on from the term here (German "Erstellt von Ihnen"), unlike the team
  // table's lone "Created by" cell (createdByYou, German "Sie").
  const creator = creatorName(key.createdBy, people, messages.youAfterBy)
  const revoker = creatorName(key.revokedBy ?? null, people, messages.youAfterBy)
  // Both editors may be open at once: the sheet hands Escape back only once neither is, or Escape in
  // the one still open would close the sheet and lose its draft.
  const openEditors = useRef(new Set<EditedField>())

  function editingChanged(field: EditedField, editing: boolean): void {
    if (editing) openEditors.current.add(field)
    else openEditors.current.delete(field)
    props.onEditingChange(openEditors.current.size > 0)
  }

  /** Saves one field: null when saved, else the message to show on it. */
  async function save(field: EditedField, text: string): Promise<string | null> {
    try {
      const changes = field === 'name' ? { name: text } : { description: text }
      props.onUpdated(await update({ apiKeyId: key.id, subject, ...changes }))
      return null
    } catch (error) {
      const apiError = toApiKeysError(error)
      props.onError?.(apiError)
      const shown = describeError(messages, error)
      if (apiError.code === 'conflict' && field === 'name') return messages.duplicateName(text.trim())
      return shown.fields[field] ?? shown.summary
    }
  }

  return (
    <dl className="rak-facts">
      <Fact term={messages.nameLabel}>
        <EditableText
          label={messages.nameLabel}
          editLabel={messages.editName}
          value={key.name}
          maxLength={MAX_NAME_LENGTH}
          editable={editable}
          onSave={(text) => save('name', text)}
          onEditingChange={(editing) => editingChanged('name', editing)}
        />
      </Fact>
      {/* A backend that stores no description (Stack Auth's) has none to show or edit. */}
      {supports.description && (
        <Fact term={messages.descriptionLabel}>
          <EditableText
            label={messages.descriptionLabel}
            editLabel={messages.editDescription}
            value={key.description}
            emptyText={messages.noDescription}
            multiline
            maxLength={MAX_DESCRIPTION_LENGTH}
            editable={editable}
            onSave={(text) => save('description', text)}
            onEditingChange={(editing) => editingChanged('description', editing)}
          />
        </Fact>
      )}
      <Fact term={messages.keyId}>
        <span className="rak-fact-row">
          <code className="rak-key-id">{key.id}</code>
          <CopyTextButton
            text={key.id}
            label={messages.copy}
            accessibleName={messages.copyKeyId}
            copiedMessage={messages.keyIdCopied}
            failedMessage={messages.keyIdCopyFailed}
          />
        </span>
      </Fact>
      <Fact term={messages.columnKey}>
        <code className="rak-masked-key">{maskedKey(key)}</code>
      </Fact>
      <Fact term={messages.columnStatus}>
        <StatusBadge status={status} />
      </Fact>
      {/* When, by whom and why a key was revoked follow its status, in sight without scrolling. */}
      {key.revoked && (
        <>
          {/* A backend that does not say when leaves only the status, as the table does. */}
          {key.revokedAt !== null && <Fact term={messages.revokedAt}>{time(key.revokedAt)}</Fact>}
          {revoker !== null && <Fact term={messages.revokedBy}>{revoker}</Fact>}
          <Fact term={messages.reasonLabel}>
            {key.revocationReason ?? <span className="rak-muted">{messages.noReason}</span>}
          </Fact>
        </>
      )}
      {key.rolledFrom !== undefined && (
        <Fact term={messages.rolledFrom}>
          <RotationLink keyId={key.rolledFrom} subject={subject} onShow={props.onShowKey} />
        </Fact>
      )}
      {key.replacedBy !== undefined && (
        <Fact term={messages.replacedBy}>
          <RotationLink keyId={key.replacedBy} subject={subject} onShow={props.onShowKey} />
        </Fact>
      )}
      <Fact term={messages.scopesLabel}>
        <ScopeList scopes={key.scopes} available={props.availableScopes} />
      </Fact>
      {key.claims !== null && Object.keys(key.claims).length > 0 && (
        <Fact term={messages.field.claims}>
          <pre className="rak-claims">
            <code>{JSON.stringify(key.claims, null, 2)}</code>
          </pre>
        </Fact>
      )}
      <Fact term={messages.columnCreated}>{time(key.createdAt)}</Fact>
      {creator !== null && <Fact term={messages.createdBy}>{creator}</Fact>}
      {!key.revoked && (
        <Fact term={messages.columnExpires}>
          {key.expiration === null ? messages.neverExpires : time(key.expiration)}
        </Fact>
      )}
      <Fact term={messages.columnLastUsed}>
        {key.lastUsedAt === null ? (
          messages.neverUsed
        ) : (
          <>
            {time(key.lastUsedAt)} <span className="rak-muted">({format.relative(key.lastUsedAt, now)})</span>
          </>
        )}
      </Fact>
    </dl>
  )
}
