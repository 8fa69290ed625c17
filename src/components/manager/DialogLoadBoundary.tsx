'use client'
import { Component, type ReactNode } from 'react'

/**
 * A dialog's code could not be downloaded: the browser is offline, or a new deploy removed the chunk
 * this page was built with. Thrown by the on-demand components (lazy-dialogs.tsx) in place of the
 * download's own error, so that {@link DialogLoadBoundary} catches this and nothing else.
 */
export class DialogLoadError extends Error {
  constructor(cause: unknown) {
    super('A dialog could not be loaded.', { cause })
    this.name = 'DialogLoadError'
  }
}

/** Props of {@link DialogLoadBoundary}. */
export interface DialogLoadBoundaryProps {
  /** Called once, after the failure is on screen, with the {@link DialogLoadError}. */
  onFailed: (error: DialogLoadError) => void
  children: ReactNode
}

interface DialogLoadBoundaryState {
  /** What a child threw, boxed: anything may be thrown, even null. */
  caught: { error: unknown } | null
}

/**
 * Keeps a dialog that could not be loaded in its place: without a boundary, React unmounts the whole
 * app root when a lazy component's download fails (and everything the user typed goes with it). It
 * shows nothing itself: its parent, told by `onFailed`, says why and offers to try again. Any other
 * error (a bug in a dialog) goes on to the app's own boundaries, as before: it is not a failed load.
 */
export class DialogLoadBoundary extends Component<DialogLoadBoundaryProps, DialogLoadBoundaryState> {
  override state: DialogLoadBoundaryState = { caught: null }

  static getDerivedStateFromError(error: unknown): DialogLoadBoundaryState {
    return { caught: { error } }
  }

  override componentDidCatch(error: unknown): void {
    if (error instanceof DialogLoadError) this.props.onFailed(error)
  }

  override render(): ReactNode {
    const { caught } = this.state
    if (caught === null) return this.props.children
    if (caught.error instanceof DialogLoadError) return null
    throw caught.error
  }
}
