'use client'

/** Placeholder rows while the first page loads; hidden from assistive technology (a status says "Loading"). */
export function SkeletonRows({ rows = 3, columns }: { rows?: number; columns: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, row) => (
        <tr key={row} className="rak-row rak-row--skeleton" aria-hidden="true">
          {Array.from({ length: columns }, (_, column) => (
            <td key={column} className="rak-cell">
              <span className="rak-skeleton" />
            </td>
          ))}
        </tr>
      ))}
    </>
  )
}
