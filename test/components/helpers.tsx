import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll } from 'vitest'
import { loadDialogs } from '../../src/components/manager/lazy-dialogs'
import '../helpers/screen-wait'

// The manager loads its dialogs on demand and prefetches them once the page is idle: these flows
// start a moment after the first paint, with them loaded. Stories open them before they are.
beforeAll(() => loadDialogs())

/**
 * Finds a dialog that another one just replaced (create -> reveal, roll -> reveal) once it accepts
 * clicks: for a render or two Radix leaves the new dialog with `pointer-events: none` while it
 * registers its layer, and user-event (rightly) refuses to click through that.
 */
export async function findOpenedDialog(role: 'dialog' | 'alertdialog', name: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole(role, { name })
  await waitFor(() => expect(getComputedStyle(dialog).pointerEvents).not.toBe('none'))
  return dialog
}

/** Queries that also see the table while a modal dialog hides it from assistive technology. */
const HIDDEN = { hidden: true } as const

/** Every table row whose row header shows exactly `name` (the key's name). */
export function rowsNamed(name: string): HTMLElement[] {
  return screen
    .queryAllByRole('rowheader', HIDDEN)
    .filter((header) => within(header).queryByText(name, { exact: true }) !== null)
    .map((header) => header.closest('tr') as HTMLElement)
}

/** The one table row of the key named `name`; fails when there is none or several. */
export function rowNamed(name: string): HTMLElement {
  const rows = rowsNamed(name)
  if (rows.length !== 1) throw new Error(`Expected one row named ${JSON.stringify(name)}, found ${rows.length}`)
  return rows[0] as HTMLElement
}

/** The names of the keys in the table, top to bottom. */
export function rowNames(): string[] {
  return screen.queryAllByRole('rowheader', HIDDEN).map((header) => header.firstChild?.textContent ?? '')
}

/** The cell of `row` under the column header named `column` ("Status", "Expires", ...). */
export function cellOf(row: HTMLElement, column: string): HTMLElement {
  const headers = screen.getAllByRole('columnheader', HIDDEN)
  const index = headers.findIndex((header) => header.textContent === column)
  if (index === -1) throw new Error(`No column named ${column}`)
  const cells = [...within(row).queryAllByRole('rowheader', HIDDEN), ...within(row).queryAllByRole('cell', HIDDEN)]
  const cell = cells[index]
  if (!cell) throw new Error(`Row has no cell in column ${column}`)
  return cell
}

/** The status badge text of a row (without the revocation tooltip). */
export function statusOf(row: HTMLElement): string {
  const cell = cellOf(row, 'Status')
  return cell.querySelector('.rak-badge')?.textContent ?? ''
}

/** Everything stored in localStorage and sessionStorage, as text. */
export function storageText(): string {
  const dump = (storage: Storage): string[] =>
    Array.from({ length: storage.length }, (_, index) => {
      const key = storage.key(index) ?? ''
      return `${key}=${storage.getItem(key) ?? ''}`
    })
  return [...dump(localStorage), ...dump(sessionStorage)].join('\n')
}

/** The values of every form field on the page (values are properties, not in innerHTML). */
export function fieldValues(): string[] {
  return [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map(
    (field) => field.value,
  )
}

/** The text of the element(s) that describe `element` through aria-describedby. */
export function descriptionOf(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? []
  return ids
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim()
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
