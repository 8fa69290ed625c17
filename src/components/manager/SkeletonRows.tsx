'use client'

/** Three placeholder rows while the first page loads; hidden from assistive technology (a status says "Loading"). */
export function SkeletonRows({ columns }: { columns: number }) {
  const cells = Array.from({ length: columns }, (_, column) => (
    <td key={column} className="rak-cell">
      <span className="rak-skeleton" />
    </td>
  ))
  return (
    <>
      {[0, 1, 2].map((row) => (
        <tr key={row} className="rak-row rak-row--skeleton" aria-hidden="true">
          {cells}
        </tr>
      ))}
    </>
  )
}
