'use client'
import { lazy, Suspense, useState, type ComponentType } from 'react'
import { ApiKeysError } from '../../core/errors'
import type { KeyDetailsSheetProps } from '../details/KeyDetailsSheet'
import type { CreateApiKeyDialogProps } from '../dialogs/CreateApiKeyDialog'
import type { RevokeApiKeyDialogProps } from '../dialogs/RevokeApiKeyDialog'
import type { RollApiKeyDialogProps } from '../dialogs/RollApiKeyDialog'
import type { SecretRevealDialogProps } from '../dialogs/SecretRevealDialog'
import { loadDialogChunk } from './dialog-chunk'
import { DialogLoadBoundary, DialogLoadError } from './DialogLoadBoundary'
import { DialogLoadFailed } from './DialogLoadFailed'

// The dialogs and the details sheet (and Radix Dialog with its focus trap and scroll lock) are not
// needed to paint the list: they are one chunk (a dynamic import, which every bundler splits), loaded
// when the browser is idle or when a pointer or focus reaches a button that opens one. The package
// exports these on-demand components under the dialogs' names, so that nothing an app's entry imports
// statically reaches a dialog: esbuild's splitting would otherwise put every dialog's code (and
// Radix) in chunks the first paint loads, even in an app that uses only the manager.
//
// The download may fail (offline; or a deploy removed the chunk this page was built with). Then the
// dialog's place says so, with Reload page and Close, instead of React unmounting the whole app. Opening
// it again is a fresh try (`React.lazy` keeps a failed load for good, so each try is a new one); it
// helps where the browser fetches a failed module again, which Chromium does not until a reload.

/** A component loaded on demand, and how to start loading it. */
interface OnDemand<P> {
  Component: ComponentType<P>
  load: () => Promise<unknown>
}

/** What the props of every dialog may hold: the manager's error callback and where focus goes back. */
interface DialogProps {
  onError?: (error: ApiKeysError) => void
  returnFocusTo?: () => HTMLElement | null | undefined
}

/** How to tell whether a dialog is open, and how to close it, from its own props. */
interface DialogControls<P> {
  /** What the dialog is open for (a key's id, the secret shown, `true`), or null when it is closed. */
  openFor: (props: P) => unknown
  /** Asks whoever shows the dialog to close it, as its own Cancel would. */
  close: (props: P) => void
}

/** The component one try shows, or the failed try: what the dialog was open for then (null: closed since). */
type Attempt<P> = { Shown: ComponentType<P> } | { failedFor: unknown }

function onDemand<P extends DialogProps>(
  load: () => Promise<ComponentType<P>>,
  controls: DialogControls<P>,
): OnDemand<P> {
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
  // A new lazy component for each try: one that failed would throw the same error forever.
  const newTry = (): Attempt<P> => ({
    Shown:
      loaded ??
      lazy(() =>
        start().then(
          (component) => ({ default: component }),
          (error: unknown) => {
            throw new DialogLoadError(error)
          },
        ),
      ),
  })
  function Component(props: P) {
    // Loaded already (the usual case): shown in this very frame. Else it suspends until loaded.
    // Chosen once per try, so a dialog is never remounted (and its draft lost) when loading ends.
    const [attempt, setAttempt] = useState(newTry)
    const openFor = controls.openFor(props)
    if ('failedFor' in attempt && openFor !== attempt.failedFor) {
      // Closed since the failure: remember that, so that opening it again tries again. Opened for
      // another key (another row's Revoke): that is opening it again too.
      setAttempt(openFor === null ? { failedFor: null } : newTry())
    }
    if ('failedFor' in attempt) {
      if (openFor === null) return null
      return <DialogLoadFailed onClose={() => controls.close(props)} returnFocusTo={props.returnFocusTo} />
    }
    const { Shown } = attempt
    function failed(error: DialogLoadError): void {
      setAttempt({ failedFor: openFor })
      // Only what failed, never the dialog's props (a secret is one of them): a cause keeps its name alone.
      props.onError?.(new ApiKeysError('network', "A dialog's code could not be downloaded.", { cause: error.cause }))
    }
    // Nothing is shown while the code loads (a dialog appears when it has loaded): no app needs a
    // Suspense boundary of its own for a dialog, nor an error boundary for a failed load.
    return (
      <DialogLoadBoundary onFailed={failed}>
        <Suspense fallback={null}>
          <Shown {...props} />
        </Suspense>
      </DialogLoadBoundary>
    )
  }
  return { Component, load: start }
}

const dialogs = {
  create: onDemand<CreateApiKeyDialogProps>(() => loadDialogChunk().then((module) => module.CreateApiKeyDialog), {
    openFor: (props) => (props.open ? true : null),
    close: (props) => props.onOpenChange(false),
  }),
  // In the manager it cannot fail: it opens after the create or roll dialog, whose chunk it shares, loaded.
  // After an app's own form it may; then Close is Done (the secret is gone), as Reload page would be.
  reveal: onDemand<SecretRevealDialogProps>(() => loadDialogChunk().then((module) => module.SecretRevealDialog), {
    openFor: (props) => props.apiKey,
    close: (props) => props.onDone(),
  }),
  revoke: onDemand<RevokeApiKeyDialogProps>(() => loadDialogChunk().then((module) => module.RevokeApiKeyDialog), {
    openFor: (props) => props.apiKey?.id ?? null,
    close: (props) => props.onClose(),
  }),
  roll: onDemand<RollApiKeyDialogProps>(() => loadDialogChunk().then((module) => module.RollApiKeyDialog), {
    openFor: (props) => props.apiKey?.id ?? null,
    close: (props) => props.onClose(),
  }),
  details: onDemand<KeyDetailsSheetProps>(() => loadDialogChunk().then((module) => module.KeyDetailsSheet), {
    openFor: (props) => props.apiKey?.id ?? null,
    close: (props) => props.onClose(),
  }),
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

/**
 * Starts loading dialogs ahead of time; a failure is not an error here (opening tries again and says
 * why). Not while the browser says it is offline: Chromium keeps a failed download until the page
 * reloads, so a prefetch that fails would stop the dialogs from opening after the network is back.
 */
export function prefetchDialogs(...names: DialogName[]): void {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return
  loadDialogs(...names).catch(() => undefined)
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
