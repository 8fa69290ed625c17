'use client'
import { createContext, useCallback, useContext, useState, type RefCallback } from 'react'

/** What a button that opens a dialog does: create a key, or act on one key. */
export type OpeningAction = 'create' | 'details' | 'roll' | 'revoke'

/** The buttons that open the manager's dialogs, found again by what they do and for which key. */
export interface ReturnTargets {
  /** Records (or, with null, lets go of) the element of a button. */
  register(action: OpeningAction, keyId: string | undefined, element: HTMLElement | null): void
  /** The button for `action` on `keyId` that is on the page now, if any. */
  find(action: OpeningAction, keyId?: string): HTMLElement | null
}

const idOf = (action: OpeningAction, keyId: string | undefined): string => `${action}:${keyId ?? ''}`

/**
 * A fresh set of return targets. A button is known by its action and key, not by its element: an
 * optimistic revoke and its rollback render a row's buttons anew, and the new button registers itself.
 */
export function createReturnTargets(): ReturnTargets {
  const elements = new Map<string, HTMLElement[]>()
  return {
    register(action, keyId, element) {
      const id = idOf(action, keyId)
      const kept = (elements.get(id) ?? []).filter((candidate) => candidate.isConnected && candidate !== element)
      if (element) kept.push(element)
      if (kept.length > 0) elements.set(id, kept)
      else elements.delete(id)
    },
    find(action, keyId) {
      // The newest first: a button that replaced another (the toolbar's after the empty state's) wins.
      const candidates = [...(elements.get(idOf(action, keyId)) ?? [])].reverse()
      return candidates.find((candidate) => candidate.isConnected) ?? null
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
