import type { APIKeyResource } from '../../core/types'
import type { RevealedKey } from '../dialogs/SecretRevealDialog'
import type { OpeningAction } from './focus-return'

/** The one dialog the manager shows, if any, with what it needs. */
export type ManagerDialog =
  | { kind: 'create' }
  | { kind: 'reveal'; secret: RevealedKey; after: 'created' | 'rolled' }
  | { kind: 'revoke'; key: APIKeyResource }
  | { kind: 'roll'; key: APIKeyResource }
  | { kind: 'details'; key: APIKeyResource }

/** The button a dialog was opened from: focus goes back to it, or near it when it is gone. */
export interface Opener {
  action: OpeningAction
  keyId?: string
  /** The key's place in the list when the dialog opened: where "near it" is once the key is gone. */
  index?: number
}

/** The manager's dialogs: which one is open, who opened it, and whether the create form was ever opened. */
export interface DialogState {
  open: ManagerDialog | null
  opener: Opener | null
  /** The create dialog stays mounted once opened, so a draft survives closing it. */
  createKept: boolean
}

/** What happens to the dialogs. */
export type DialogEvent =
  | { type: 'create' }
  | { type: 'key'; kind: 'revoke' | 'roll' | 'details'; key: APIKeyResource; index: number }
  | { type: 'reveal'; secret: RevealedKey; after: 'created' | 'rolled' }
  | { type: 'close' }

/** No dialog open. */
export const NO_DIALOG: DialogState = { open: null, opener: null, createKept: false }

/** The next state of the manager's dialogs. */
export function dialogReducer(state: DialogState, event: DialogEvent): DialogState {
  switch (event.type) {
    case 'create':
      return { open: { kind: 'create' }, opener: { action: 'create' }, createKept: true }
    case 'key':
      return {
        ...state,
        open: { kind: event.kind, key: event.key },
        // Revoke or Roll from the details view: focus goes back to what opened the details.
        opener:
          state.open?.kind === 'details' && state.opener
            ? state.opener
            : { action: event.kind, keyId: event.key.id, index: event.index },
      }
    case 'reveal':
      return { ...state, open: { kind: 'reveal', secret: event.secret, after: event.after } }
    case 'close':
      return { ...state, open: null }
  }
}
