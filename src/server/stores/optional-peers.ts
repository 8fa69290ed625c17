import type * as PGliteModule from '@electric-sql/pglite'

/**
 * How the SQL stores load their optional peer dependencies. One loader per package, looked up at
 * call time, so a test can replace one to see what an app without the package gets.
 */
export const peerImports = {
  pglite: (): Promise<typeof PGliteModule> => import('@electric-sql/pglite'),
  pg: (): Promise<unknown> => import('pg'),
}

const NOT_FOUND_CODES = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'])

/** Whether `error` says that `packageName` itself (not one of its own dependencies) is not installed. */
function isMissingPackage(error: unknown, packageName: string): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (typeof message !== 'string') return false
  const namesPackage = message.includes(`'${packageName}'`) || message.includes(`"${packageName}"`)
  // Node says "Cannot find package 'pg'", bundlers "Cannot find module 'pg'", without a code.
  return (
    namesPackage &&
    ((typeof code === 'string' && NOT_FOUND_CODES.has(code)) || /cannot find (package|module)/i.test(message))
  )
}

/**
 * Loads an optional peer for `feature`; when it is not installed, says which package to install
 * instead of Node's bare `ERR_MODULE_NOT_FOUND`.
 */
export async function loadPeer<T>(load: () => Promise<T>, packageName: string, feature: string): Promise<T> {
  try {
    return await load()
  } catch (error) {
    if (!isMissingPackage(error, packageName)) throw error
    throw new Error(`${feature} needs the package ${packageName}, which is not installed: npm install ${packageName}`, {
      cause: error,
    })
  }
}
