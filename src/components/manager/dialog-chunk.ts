/**
 * Downloads the one chunk of on-demand code: the dialogs and the details sheet (a dynamic import,
 * which every bundler splits off; once loaded, it returns the same module each time). A module of
 * its own, so that a test can stand in for the network: vitest's `vi.mock` of the chunk itself does
 * not hold when several imports of it start at once, as the manager's prefetch starts them.
 */
export const loadDialogChunk = () => import('../dialogs/on-demand')
