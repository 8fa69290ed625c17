// Packs the kit as npm would publish it and installs the tarball into a throwaway app, the way an
// app gets it: by name, under node_modules. The app sits inside the repo (test/smoke/.tmp-*), so
// react, the other peers and the tools (TypeScript, Vite) resolve from the repo's node_modules;
// checkDeclaredImports (package-contents.mjs) checks that the kit imports nothing it does not declare.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The tarball to check: the one given (CI packs once and hands it to every check), or a fresh
 * `npm pack` of the repo, which builds first through the `prepack` script.
 */
export function packKit(root, work, given) {
  if (given) return given
  const destination = join(work, 'pack')
  mkdirSync(destination)
  execFileSync('npm', ['pack', '--loglevel=warn', '--pack-destination', destination], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const [tarball] = readdirSync(destination).filter((name) => name.endsWith('.tgz'))
  if (!tarball) throw new Error('npm pack wrote no tarball')
  return join(destination, tarball)
}

/** The packed file names, relative to the package root. */
export function packedFiles(tarball) {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.startsWith('package/') && !line.endsWith('/'))
    .map((line) => line.slice('package/'.length))
}

/** A throwaway ESM app with the tarball unpacked as node_modules/react-api-keys; returns its directory. */
export function installInto(work, tarball) {
  const app = join(work, 'app')
  const target = join(app, 'node_modules/react-api-keys')
  mkdirSync(target, { recursive: true })
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'])
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke-app', private: true, type: 'module' }))
  return app
}
