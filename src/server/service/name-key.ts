/**
 * The form of a name used for uniqueness and search: NFC-normalized and lower-cased in JavaScript,
 * so every store (memory, PGlite, PostgreSQL with any collation) compares names the same way.
 */
export function nameKeyOf(name: string): string {
  return name.normalize('NFC').toLowerCase()
}
