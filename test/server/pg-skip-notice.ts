import type { TestProject } from 'vitest/node'
import { PG_REQUIRED, PG_SKIPPED_NOTICE, PG_URL } from './pg-env'

/**
 * Vitest global setup of the unit project: when a run skipped the PostgreSQL tests (in test/server),
 * says so once, at its end, with the command that runs them. In CI their absence fails instead.
 */
export default function pgSkipNotice(project: TestProject): (() => void) | undefined {
  if (PG_URL !== '' || PG_REQUIRED) return undefined
  return () => {
    const ranServerTests = project.vitest.state.getFiles().some((file) => file.filepath.includes('/test/server/'))
    if (ranServerTests) console.warn(`\n${PG_SKIPPED_NOTICE}\n`)
  }
}
