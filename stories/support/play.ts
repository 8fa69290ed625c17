import { expect, waitFor, within } from 'storybook/test'

/** Queries over the whole page: dialogs render in a portal under <body>, outside the story's canvas. */
export const page = () => within(document.body)

/** The open dialog (or alert dialog) with this accessible name. */
export async function findDialog(
  name: string | RegExp,
  role: 'dialog' | 'alertdialog' = 'dialog',
): Promise<HTMLElement> {
  return page().findByRole(role, { name })
}

/** Waits until no dialog of this role is open. */
export async function expectNoDialog(role: 'dialog' | 'alertdialog' = 'dialog'): Promise<void> {
  await waitFor(() => expect(page().queryByRole(role)).toBeNull())
}

/** The table row whose row header (the key's name) matches; found even behind an open dialog (aria-hidden). */
export async function findRow(canvasElement: HTMLElement, name: string | RegExp): Promise<HTMLElement> {
  const header = await within(canvasElement).findByRole('rowheader', { name, hidden: true })
  const row = header.closest('tr')
  if (!row) throw new Error('row header outside a row')
  return row
}

/** What a key's details say for `term`: the definition after it. */
export function factOf(sheet: HTMLElement, term: string): HTMLElement {
  const definition = within(sheet).getByText(term, { selector: 'dt' }).nextElementSibling
  if (!(definition instanceof HTMLElement)) throw new Error(`no definition after the term “${term}”`)
  return definition
}

/** The names of the keys in a table inside `container`, top to bottom. */
export function rowNames(container: HTMLElement): string[] {
  return within(container)
    .getAllByRole('rowheader', { hidden: true })
    .map((header) => header.firstChild?.textContent ?? '')
}
