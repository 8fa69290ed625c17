// Gives the relative imports of the built declarations their file extensions, so that they resolve
// under every `moduleResolution` an app may use: `bundler`, `node16` and `nodenext`.
//
// The sources import each other without extensions (`./core/types`), as `moduleResolution: bundler`
// allows, and tsc copies those specifiers into the .d.ts files as they are. Under node16/nodenext,
// which every Node ESM server uses, TypeScript resolves only full paths, so those imports fail and,
// with `skipLibCheck`, every export silently becomes `any`. This step rewrites each relative
// specifier to the file the JavaScript build emitted for it: `./core/types` -> `./core/types.js`,
// `./server` -> `./server/index.js`. It changes only text inside a line, so the declaration maps stay
// exact. A specifier that matches no declaration fails the build.
//
//   node scripts/add-declaration-extensions.mjs [dist]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'

const outDir = process.argv[2] ?? 'dist'
/** `from './x'`, `import('./x')` and `import './x'`: the places a declaration names another module. */
const RELATIVE_SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g

/** The specifier with the extension of the JavaScript file it stands for. */
function withExtension(file, specifier) {
  if (/\.(m|c)?js$/.test(specifier)) return specifier
  const base = join(dirname(file), specifier)
  if (existsSync(`${base}.d.ts`)) return `${specifier}.js`
  if (existsSync(join(base, 'index.d.ts'))) return `${specifier}/index.js`
  throw new Error(`${relative(outDir, file)} imports ${specifier}, and no declaration file matches it`)
}

let files = 0
let rewritten = 0
for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue
  const file = join(entry.parentPath, entry.name)
  const before = readFileSync(file, 'utf8')
  const after = before.replace(RELATIVE_SPECIFIER, (_match, keyword, quote, specifier) => {
    const fixed = withExtension(file, specifier)
    if (fixed !== specifier) rewritten += 1
    return `${keyword}${quote}${fixed}${quote}`
  })
  files += 1
  if (after !== before) writeFileSync(file, after)
}
console.log(`declarations: ${rewritten} relative imports in ${files} files now name their .js files`)
