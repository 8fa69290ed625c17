// An app that bundles the kit with Vite must get no MODULE_LEVEL_DIRECTIVE warning from the kit's files.
// The app uses plain Vite, without @vitejs/plugin-react, which would hide "use client" warnings
// for the React apps that use it but not for anyone else (Preact, other plugins, library builds).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'

const MAIN = `import { createElement as h } from 'react'
import { createRoot } from 'react-dom/client'
import { APIKeysManager, APIKeysProvider, createMemoryFetcher } from 'react-api-keys'
import 'react-api-keys/styles.css'

createRoot(document.getElementById('root')).render(
  h(APIKeysProvider, { fetcher: createMemoryFetcher(), userId: 'user_1' }, h(APIKeysManager)),
)
`

/** Bundles a small app that renders the manager; fails on any module-level directive warning. */
export async function checkViteDirectives(app) {
  writeFileSync(
    join(app, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.js"></script></body></html>\n',
  )
  writeFileSync(join(app, 'main.js'), MAIN)
  const warnings = []
  const output = await build({
    root: app,
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: join(app, 'out'),
      write: false,
      rolldownOptions: { onwarn: (warning) => void warnings.push(warning) },
    },
  })
  const files = [output].flat().flatMap((result) => result.output.map((file) => file.fileName))
  if (!files.some((name) => name.endsWith('.css')))
    throw new Error(`the app bundle lacks the kit's stylesheet: ${files.join(', ')}`)
  const directives = warnings.filter((warning) => warning.code === 'MODULE_LEVEL_DIRECTIVE')
  const kits = directives.filter((warning) =>
    `${warning.id ?? warning.message}`.includes('node_modules/react-api-keys/'),
  )
  if (kits.length > 0) {
    const where = kits.map((warning) => warning.id ?? warning.message).join('\n  ')
    throw new Error(`Vite printed ${kits.length} MODULE_LEVEL_DIRECTIVE warnings for the kit:\n  ${where}`)
  }
  // The kit's dependencies (TanStack Query, Radix) keep a directive per file: theirs to fix, not counted.
  return { fromDependencies: directives.length }
}
