'use client'
import { createContext, useCallback, useContext, useState, type RefCallback } from 'react'

/** What a button that opens a dialog does: create a key, or act on one key. */
export type OpeningAction = 'create' | 'details' | 'roll' | 'revoke'

/** The buttons that open the manager's dialogs, found again by what they do and for which key. */
export interface ReturnTargets {
  /**
   * Records (or, with null, lets go of) the element of a button. `control` tells apart two buttons
   * that open the same dialog for the same key (a key's name and its "Details" action); it defaults
   * to the action.
   */
  register(action: OpeningAction, keyId: string | undefined, element: HTMLElement | null, control?: string): void
  /** Notes which of the buttons for `action` on `keyId` the user just pressed: focus goes back to that one. */
  choose(action: OpeningAction, keyId: string | undefined, control: string): void
  /** The button for `action` on `keyId` that is on the page now, if any: the one last chosen, if it is there. */
  find(action: OpeningAction, keyId?: string): HTMLElement | null
}

interface Target {
  element: HTMLElement
  control: string
}

const idOf = (action: OpeningAction, keyId: string | undefined): string => `${action}:${keyId ?? ''}`

/**
 * A fresh set of return targets. A button is known by its action, key and control, not by its
 * element: an optimistic revoke and its rollback render a row's buttons anew, and the new button
 * registers itself. So the choice between two buttons is kept as a control's name, which the new
 * button has too.
 */
export function createReturnTargets(): ReturnTargets {
  const targets = new Map<string, Target[]>()
  const chosen = new Map<string, string>()
  return {
    register(action, keyId, element, control = action) {
      const id = idOf(action, keyId)
      const kept = (targets.get(id) ?? []).filter(
        (candidate) => candidate.element.isConnected && candidate.element !== element,
      )
      if (element) kept.push({ element, control })
      if (kept.length > 0) targets.set(id, kept)
      else targets.delete(id)
    },
    choose(action, keyId, control) {
      chosen.set(idOf(action, keyId), control)
    },
    find(action, keyId) {
      const id = idOf(action, keyId)
      // The newest first: a button that replaced another (the toolbar's after the empty state's) wins.
      const present = [...(targets.get(id) ?? [])].reverse().filter((candidate) => candidate.element.isConnected)
      const control = chosen.get(id)
      return (present.find((candidate) => candidate.control === control) ?? present[0])?.element ?? null
    },
  }
}

const ReturnTargetsContext = createContext<ReturnTargets | null>(null)

/** Provides the manager's return targets to the buttons below it. */
export const ReturnTargetsProvider = ReturnTargetsContext.Provider

/** The manager's return targets, made once. */
export function useReturnTargetsRoot(): ReturnTargets {
  const [targets] = useState(createReturnTargets)
  return targets
}

/**
 * A ref for a button that opens a dialog: it registers itself, so that focus can come back to it
 * when the dialog closes. Outside a manager it does nothing. `own` is for the manager's own buttons,
 * which sit above the context it provides.
 */
export function useReturnTarget(action: OpeningAction, keyId?: string, own?: ReturnTargets): RefCallback<HTMLElement> {
  const context = useContext(ReturnTargetsContext)
  const targets = own ?? context
  return useCallback(
    (element: HTMLElement | null) => targets?.register(action, keyId, element),
    [targets, action, keyId],
  )
}

/**
 * For a button that opens the same dialog as another button of its key (a key's name and its
 * "Details" action both open its details): a ref that registers it as `control`, and a function to
 * call when it is pressed, so that focus comes back to the very button the user pressed, not to
 * whichever of the two registered last.
 */
export function useReturnTargetControl(
  action: OpeningAction,
  keyId: string,
  control: string,
): [ref: RefCallback<HTMLElement>, pressed: () => void] {
  const targets = useContext(ReturnTargetsContext)
  const ref = useCallback(
    (element: HTMLElement | null) => targets?.register(action, keyId, element, control),
    [targets, action, keyId, control],
  )
  const pressed = useCallback(() => targets?.choose(action, keyId, control), [targets, action, keyId, control])
  return [ref, pressed]
}
