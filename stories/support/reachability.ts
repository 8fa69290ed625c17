import { expect, waitFor } from 'storybook/test'

/** The page does not scroll sideways: nothing is wider than the viewport. */
export async function expectNoSidewaysScroll(): Promise<void> {
  await waitFor(() => expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(innerWidth))
}

const ACTIONABLE = 'button, a[href], input, select, textarea, [role="tab"]'

/**
 * Every control in `container` can be brought into view and is then wholly inside the viewport's
 * width, visible, and not covered by anything else (it is what a tap on its middle reaches).
 */
export async function expectEveryActionReachable(container: HTMLElement): Promise<number> {
  const controls = [...container.querySelectorAll<HTMLElement>(ACTIONABLE)].filter(
    (control) => !control.closest('[aria-hidden="true"]') && control.getAttribute('type') !== 'hidden',
  )
  for (const control of controls) {
    control.scrollIntoView({ block: 'center', inline: 'center' })
    await expect(control).toBeVisible()
    const box = control.getBoundingClientRect()
    const name = control.getAttribute('aria-label') ?? control.textContent ?? control.outerHTML.slice(0, 60)
    expect(box.width, name).toBeGreaterThan(0)
    expect(box.left, name).toBeGreaterThanOrEqual(0)
    expect(box.right, name).toBeLessThanOrEqual(innerWidth)
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    expect(hit && (control === hit || control.contains(hit) || hit.contains(control)), name).toBe(true)
  }
  scrollTo(0, 0)
  return controls.length
}
