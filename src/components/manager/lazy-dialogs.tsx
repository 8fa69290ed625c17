'use client'
import { lazy, Suspense, useState, type ComponentType } from 'react'
import type { KeyDetailsSheetProps } from '../details/KeyDetailsSheet'
import type { CreateApiKeyDialogProps } from '../dialogs/CreateApiKeyDialog'
import type { RevokeApiKeyDialogProps } from '../dialogs/RevokeApiKeyDialog'
import type { RollApiKeyDialogProps } from '../dialogs/RollApiKeyDialog'
import type { SecretRevealDialogProps } from '../dialogs/SecretRevealDialog'

// The dialogs and the details sheet (and Radix Dialog with its focus trap and scroll lock) are not
// needed to paint the list: they are one chunk (a dynamic import, which every bundler splits), loaded
// when the browser is idle or when a pointer or focus reaches a button that opens one. The package
// exports these on-demand components under the dialogs' names, so that nothing an app's entry imports
// statically reaches a dialog: esbuild's splitting would otherwise put every dialog's code (and
// Radix) in chunks the first paint loads, even in an app that uses only the manager.

/** A component loaded on demand, and how to start loading it. */
interface OnDemand<P> {
  Component: ComponentType<P>
  load: () => Promise<unknown>
}

function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): OnDemand<P> {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<ComponentType<P>> | undefined
  const start = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined // a failed fetch (offline) may work next time
        throw error
      },
    )
    return loading
  }
  const Lazy = lazy(() => start().then((component) => ({ default: component })))
  function Component(props: P) {
    // Loaded already (the usual case): shown in this very frame. Else it suspends until loaded.
    // Chosen once per mount, so a dialog is never remounted (and its draft lost) when loading ends.
    const [Shown] = useState<ComponentType<P>>(() => loaded ?? Lazy)
    // Nothing is shown while the code loads (a dialog appears when it has loaded): no app needs a
    // Suspense boundary of its own for a dialog.
    return (
      <Suspense fallback={null}>
        <Shown {...props} />
      </Suspense>
    )
  }
  return { Component, load: start }
}

/** The one chunk of on-demand code (a dynamic import returns the same module each time). */
const loadModule = () => import('../dialogs/on-demand')

const dialogs = {
  create: onDemand<CreateApiKeyDialogProps>(() => loadModule().then((module) => module.CreateApiKeyDialog)),
  reveal: onDemand<SecretRevealDialogProps>(() => loadModule().then((module) => module.SecretRevealDialog)),
  revoke: onDemand<RevokeApiKeyDialogProps>(() => loadModule().then((module) => module.RevokeApiKeyDialog)),
  roll: onDemand<RollApiKeyDialogProps>(() => loadModule().then((module) => module.RollApiKeyDialog)),
  details: onDemand<KeyDetailsSheetProps>(() => loadModule().then((module) => module.KeyDetailsSheet)),
}

/** A dialog (or the details sheet) the manager loads on demand. */
export type DialogName = keyof typeof dialogs

/**
 * Loads dialogs (all when none are named); resolves once they are loaded. Exported as
 * `preloadApiKeyDialogs`, for an app that wants them before the browser is idle (or in tests).
 */
export function loadDialogs(...names: DialogName[]): Promise<unknown> {
  const chosen = names.length > 0 ? names : (Object.keys(dialogs) as DialogName[])
  return Promise.all(chosen.map((name) => dialogs[name].load()))
}

/** Starts loading dialogs ahead of time; a failure is not an error here (opening tries again and says why). */
export function prefetchDialogs(...names: DialogName[]): void {
  loadDialogs(...names).catch(() => undefined)
}

/** `prefetchDialogs()` once the browser has nothing else to do; returns how to call it off. */
export function prefetchDialogsWhenIdle(): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => prefetchDialogs())
    return () => cancelIdleCallback(handle)
  }
  const timer = setTimeout(() => prefetchDialogs(), 1000)
  return () => clearTimeout(timer)
}

/** The create dialog, loaded on demand. */
export const LazyCreateApiKeyDialog = dialogs.create.Component
/** The one-time secret dialog, loaded on demand. */
export const LazySecretRevealDialog = dialogs.reveal.Component
/** The revoke dialog, loaded on demand. */
export const LazyRevokeApiKeyDialog = dialogs.revoke.Component
/** The roll dialog, loaded on demand. */
export const LazyRollApiKeyDialog = dialogs.roll.Component
/** A key's details sheet, loaded on demand. */
export const LazyKeyDetailsSheet = dialogs.details.Component
