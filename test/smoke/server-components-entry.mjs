// The entry Server Components bundlers (Next.js App Router) resolve through the "react-server"
// export condition: it must offer every export of the default entry, carry the one "use client"
// boundary in client.js, and reach no React code except through that boundary (a server component
// that imports the kit must not evaluate a hook's or a context's module on the server).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const REACT_PACKAGES = /^(react|react-dom|@tanstack\/react-query|@radix-ui\/[^/]+)(\/|$)/

/** Every module the entry imports, transitively, stopping at the boundary; returns the React imports met on the way. */
function reactImportsOutsideBoundary(entry, boundary) {
  const seen = new Set()
  const found = []
  const visit = (file) => {
    if (seen.has(file) || file === boundary) return
    seen.add(file)
    const code = readFileSync(file, 'utf8')
    for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier))
      else if (REACT_PACKAGES.test(specifier)) found.push(`${relative(dirname(entry), file)} imports ${specifier}`)
    }
  }
  visit(entry)
  return found
}

/** Fails unless the react-server entry matches the default entry and keeps React behind client.js. */
export async function checkServerComponentsEntry(app) {
  const dist = join(app, 'node_modules/react-api-keys/dist')
  const resolved = execFileSync(
    'node',
    ['--conditions=react-server', '--input-type=module', '-e', "console.log(import.meta.resolve('react-api-keys'))"],
    {
      cwd: app,
      encoding: 'utf8',
    },
  ).trim()
  if (!resolved.endsWith('/dist/index.react-server.js'))
    throw new Error(`under "react-server", react-api-keys resolves to ${resolved}`)

  const [byDefault, forServer] = await Promise.all([
    import(pathToFileURL(join(dist, 'index.js')).href),
    import(pathToFileURL(join(dist, 'index.react-server.js')).href),
  ])
  const missing = Object.keys(byDefault).filter((name) => forServer[name] !== byDefault[name])
  const extra = Object.keys(forServer).filter((name) => !(name in byDefault))
  if (missing.length + extra.length > 0)
    throw new Error(
      `index.react-server.js differs from index.js: missing ${missing.join(', ') || '-'}, extra ${extra.join(', ') || '-'}`,
    )

  if (!readFileSync(join(dist, 'client.js'), 'utf8').startsWith('"use client";\n'))
    throw new Error('dist/client.js does not start with "use client"')
  const leaks = reactImportsOutsideBoundary(join(dist, 'index.react-server.js'), join(dist, 'client.js'))
  if (leaks.length > 0) throw new Error(`the react-server entry reaches React outside client.js: ${leaks.join('; ')}`)
  return { exports: Object.keys(forServer).length }
}
