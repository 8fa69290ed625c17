'use client'
import { createContext, useContext } from 'react'

/** Extra columns a section around the manager adds to its table (the team section: who created each key). */
export interface TableColumns {
  /** When set, a "Created by" column, showing what this returns for a key's `createdBy` user id. */
  createdBy?: (userId: string) => string
}

/** The extra columns of the tables below; none by default. */
export const TableColumnsContext = createContext<TableColumns>({})

/** The extra columns the nearest section asked for. */
export function useTableColumns(): TableColumns {
  return useContext(TableColumnsContext)
}
