// What the published package holds: the built JavaScript with its source maps, the declarations
// with their maps, the TypeScript sources those maps point into, the stylesheet, and the four
// top-level files. Nothing else: no tests, stories, benchmarks or CI scripts.
import { existsSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, posix } from 'node:path'

const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'dist/index.js',
  'dist/index.d.ts',
  'dist/index.d.ts.map',
  'dist/index.react-server.js',
  'dist/client.js',
  'dist/server/index.js',
  'dist/server/index.d.ts',
  'dist/server/index.d.ts.map',
  'dist/testing/index.js',
  'dist/testing/index.d.ts',
  'dist/testing/index.d.ts.map',
  'dist/styles.css',
]

/** Whether a packed path is one the package may ship. */
function isShippable(file) {
  if (['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/styles.css'].includes(file)) return true
  if (/^dist\/.+\.(js|js\.map|d\.ts|d\.ts\.map)$/.test(file)) return true
  return /^src\/.+\.(ts|tsx|css)$/.test(file) && !/\.test\.tsx?$/.test(file)
}

/** Whether a built file only re-exports (the entries): there is nothing in it for a source map to map. */
function onlyReExports(code) {
  return code
    .split('\n')
    .every(
      (line) =>
        line === '' || /^("use client";|import \{[^}]*\} from "[^"]+";|export \{[^}]*\}( from "[^"]+")?;)$/.test(line),
    )
}

/** Fails unless the tarball holds exactly what the package should ship, each file with its map. */
export function checkFileList(files, packageDir) {
  const missing = REQUIRED.filter((file) => !files.includes(file))
  if (missing.length > 0) throw new Error(`The package lacks ${missing.join(', ')}`)
  const stray = files.filter((file) => !isShippable(file))
  if (stray.length > 0) throw new Error(`The package ships files it should not: ${stray.join(', ')}`)
  const unmapped = files.filter(
    (file) =>
      /\.(js|d\.ts)$/.test(file) &&
      !files.includes(`${file}.map`) &&
      !(file.endsWith('.js') && onlyReExports(readFileSync(join(packageDir, file), 'utf8'))),
  )
  if (unmapped.length > 0) throw new Error(`Shipped without a source map: ${unmapped.join(', ')}`)
}

/** Fails unless every declaration map points at a source file the package ships. */
export function checkDeclarationMaps(files, packageDir) {
  for (const map of files.filter((file) => file.endsWith('.d.ts.map'))) {
    const { sources } = JSON.parse(readFileSync(join(packageDir, map), 'utf8'))
    for (const source of sources) {
      const shipped = posix.normalize(posix.join(posix.dirname(map), source))
      if (!files.includes(shipped)) throw new Error(`${map} points at ${source}, which the package does not ship`)
    }
  }
}

/**
 * Fails when the built JavaScript imports a package that package.json neither depends on nor
 * takes as a peer: an app's install would not bring it, whatever the repo's node_modules holds.
 */
export function checkDeclaredImports(files, packageDir) {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
  const declared = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ])
  for (const file of files.filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(join(packageDir, file), 'utf8')
    for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g)) {
      if (specifier.startsWith('.')) {
        if (!existsSync(join(packageDir, dirname(file), specifier)))
          throw new Error(`${file} imports ${specifier}, which the package does not ship`)
        continue
      }
      if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]
      if (!declared.has(name))
        throw new Error(`${file} imports ${specifier}, but package.json does not declare ${name}`)
    }
  }
}

/** Fails unless package.json says where the project lives and README starts with how an app installs the kit. */
export function checkManifestAndReadme(packageDir) {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
  const missing = ['license', 'repository', 'homepage', 'bugs', 'keywords'].filter((field) => !manifest[field])
  if (missing.length > 0) throw new Error(`package.json lacks ${missing.join(', ')}`)
  if (manifest.scripts?.prepack === undefined)
    throw new Error('package.json has no prepack script: npm pack on a fresh clone would ship no dist')
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8')
  const install = readme.indexOf('npm install react-api-keys @tanstack/react-query')
  const repository = readme.indexOf('npm install && npm run storybook')
  if (install === -1 || (repository !== -1 && repository < install))
    throw new Error("README does not open with how an app installs the kit, before the repository's own commands")
  for (const step of ["import 'react-api-keys/styles.css'", '<APIKeysProvider']) {
    if (readme.indexOf(step) === -1 || (repository !== -1 && readme.indexOf(step) > repository))
      throw new Error(`README's install section lacks ${step}`)
  }
}
