'use client'

/** Props of {@link SkeletonRows}. */
export interface SkeletonRowsProps {
  /** Whether real rows show a description under the name (a second line the placeholder keeps room for). */
  showDescription: boolean
  /** Whether the table has a "Created by" column. */
  createdBy: boolean
}

const DATE_CELLS = 3

/** A placeholder cell: one bar per line of text, in the class of the cell it stands for. */
function Cell({ kind, lines = 1 }: { kind: string; lines?: number }) {
  return (
    <td className={`rak-cell rak-cell--${kind}`}>
      <span className="rak-skeleton" />
      {lines > 1 && <span className="rak-skeleton rak-skeleton--description" />}
    </td>
  )
}

/**
 * Three placeholder rows while the first page loads, each cell in the place and of the height of the
 * real one (two lines for a name with a description, a button's height for the actions), so nothing
 * moves when the keys arrive. Hidden from assistive technology: a status says "Loading".
 */
export function SkeletonRows({ showDescription, createdBy }: SkeletonRowsProps) {
  const row = (
    <>
      <Cell kind="name" lines={showDescription ? 2 : 1} />
      <Cell kind="key" />
      <Cell kind="status" />
      {Array.from({ length: DATE_CELLS }, (_, index) => (
        <Cell key={index} kind="date" />
      ))}
      {createdBy && <Cell kind="created-by" />}
      <td className="rak-cell rak-cell--actions">
        <span className="rak-skeleton rak-skeleton--actions" />
      </td>
    </>
  )
  return (
    <>
      {[0, 1, 2].map((index) => (
        <tr key={index} className="rak-row rak-row--skeleton" aria-hidden="true">
          {row}
        </tr>
      ))}
    </>
  )
}
