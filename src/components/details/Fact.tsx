'use client'
import type { ReactNode } from 'react'

/** Props of {@link Fact}. */
export interface FactProps {
  term: string
  children: ReactNode
}

/** One line of a key's details, inside a `<dl>`: a term and what it is. */
export function Fact({ term, children }: FactProps) {
  return (
    <div className="rak-fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}
