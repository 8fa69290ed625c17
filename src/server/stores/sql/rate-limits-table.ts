import type { SqlNames } from './names'

/**
 * The table the shared rate limiter counts in, under a store's names (schema and table prefix):
 * `rak_rate_limits` by default. Created by migration 3.
 */
export function rateLimitsTable(names: SqlNames): string {
  const table = names.index('rak_rate_limits')
  return names.schema === null ? table : `${names.schema}.${table}`
}
