/**
 * Reloads the page: what downloads a dialog's chunk again in every browser. Chromium keeps a failed
 * dynamic import for the rest of the page's life (a second `import()` of the chunk fails at once,
 * without a request), and after a deploy only a reload knows the new chunk's name. A module of its
 * own, so that a test can see it called.
 */
export function reloadPage(): void {
  window.location.reload()
}
