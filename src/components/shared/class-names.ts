/** The parts of the manager that accept a class of the app's own, beside their stable `rak-` class. */
export type ManagerPart =
  | 'root'
  | 'toolbar'
  | 'search'
  | 'statusFilter'
  | 'createButton'
  | 'table'
  | 'row'
  | 'badge'
  | 'actions'
  | 'pagination'
  | 'emptyState'
  | 'errorState'

/** Extra classes for parts of a component, as `classNames={{ table: 'my-table' }}`. */
export type ClassNames<Part extends string> = Partial<Record<Part, string>>
