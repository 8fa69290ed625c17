import react from '@vitejs/plugin-react'
import { copyFileSync, mkdirSync } from 'node:fs'
import { join, posix } from 'node:path'
import { defineConfig, type Plugin, type Rolldown } from 'vite'
import pkg from './package.json' with { type: 'json' }

const external = [...Object.keys(pkg.peerDependencies), ...Object.keys(pkg.dependencies)].map(
  (name) => new RegExp(`^${name}(/.*)?$`),
)

/** Ships the stylesheet as it is written: one file, imported by apps as `react-api-keys/styles.css`. */
function copyStyles(): Plugin {
  let outDir = 'dist'
  return {
    name: 'react-api-keys:copy-styles',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    closeBundle() {
      mkdirSync(outDir, { recursive: true })
      copyFileSync('src/styles/styles.css', join(outDir, 'styles.css'))
    },
  }
}

/** How the build prints a module's `'use client'` line: with `preserveModules`, Rolldown keeps it. */
const USE_CLIENT = /^"use client";\n/

/**
 * One `"use client"` boundary for the whole kit instead of a directive in every React file.
 *
 * Bundlers that do not know Server Components (Vite, Rolldown, Rollup) warn once per file that
 * carries the directive (MODULE_LEVEL_DIRECTIVE), so an app that bundles the kit would get dozens
 * of warnings it cannot act on. The sources keep their per-file `'use client'` as the one place that
 * says which modules are client code; the build turns each built module's directive into a comment
 * (same line count, so the source maps stay exact) and writes two small entries instead:
 *
 * - `index.react-server.js`, the `react-server` export condition (what Next.js App Router and other
 *   Server Components bundlers resolve in server components): re-exports the framework-free exports
 *   straight from their modules, and every hook and component from `client.js`.
 * - `client.js`: `"use client"` and the re-exports of the hooks and components. Server components see
 *   them as client references; the browser bundle loads the very modules `index.js` loads, so an app's
 *   own client components and the kit's share one context.
 *
 * Every other bundler resolves `index.js`, in which no module carries a directive.
 */
function clientBoundary(): Plugin {
  return {
    name: 'react-api-keys:client-boundary',
    apply: 'build',
    generateBundle(_options, bundle) {
      const index = bundle['index.js']
      if (index?.type !== 'chunk' || !index.isEntry) return // not the library build (e.g. Storybook's)
      const clientChunks = new Set<string>()
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !USE_CLIENT.test(chunk.code)) continue
        clientChunks.add(chunk.fileName)
        chunk.code = chunk.code.replace(
          USE_CLIENT,
          '// Client code: the "use client" boundary is client.js (see package.json, "react-server").\n',
        )
      }
      const clientLines: string[] = []
      const serverLines: string[] = []
      const clientNames: string[] = []
      for (const [source, names] of reExportOrigins(this.parse(index.code))) {
        const fileName = posix.join(posix.dirname(index.fileName), source)
        if (bundle[fileName]?.type !== 'chunk')
          throw new Error(`client-boundary: index.js imports ${source}, which the build did not emit`)
        const list = names
          .map(({ imported, exported }) => (imported === exported ? exported : `${imported} as ${exported}`))
          .join(', ')
        if (clientChunks.has(fileName)) {
          clientLines.push(`export { ${list} } from "${source}";`)
          clientNames.push(...names.map(({ exported }) => exported))
        } else {
          serverLines.push(`export { ${list} } from "${source}";`)
        }
      }
      if (clientNames.length > 0) serverLines.push(`export { ${clientNames.join(', ')} } from "./client.js";`)
      this.emitFile({ type: 'asset', fileName: 'client.js', source: `"use client";\n${clientLines.join('\n')}\n` })
      this.emitFile({ type: 'asset', fileName: 'index.react-server.js', source: `${serverLines.join('\n')}\n` })
    },
  }
}

type Program = ReturnType<Rolldown.PluginContext['parse']>

/** What a built entry re-exports, by the module it imports each name from. */
function reExportOrigins(program: Program): Map<string, { imported: string; exported: string }[]> {
  const importedFrom = new Map<string, { source: string; imported: string }>()
  const origins = new Map<string, { imported: string; exported: string }[]>()
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      for (const specifier of statement.specifiers) {
        if (specifier.type !== 'ImportSpecifier')
          throw new Error('client-boundary: index.js has an import it cannot re-export')
        const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value
        importedFrom.set(specifier.local.name, { source: statement.source.value, imported })
      }
    } else if (
      statement.type === 'ExportNamedDeclaration' &&
      statement.declaration === null &&
      statement.source === null
    ) {
      for (const specifier of statement.specifiers) {
        if (specifier.local.type !== 'Identifier' || specifier.exported.type !== 'Identifier')
          throw new Error('client-boundary: unexpected export in index.js')
        const origin = importedFrom.get(specifier.local.name)
        if (!origin)
          throw new Error(`client-boundary: index.js exports ${specifier.local.name}, which it declares itself`)
        const names = origins.get(origin.source) ?? []
        names.push({ imported: origin.imported, exported: specifier.exported.name })
        origins.set(origin.source, names)
      }
    } else {
      throw new Error(`client-boundary: index.js holds a ${statement.type}; the entry should only re-export`)
    }
  }
  return origins
}

export default defineConfig({
  plugins: [react(), clientBoundary(), copyStyles()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps for the shipped JavaScript; the byte budgets (bench/sizes.ts) measure the code, not the maps.
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: {
      entry: { index: 'src/index.ts', 'server/index': 'src/server/index.ts', 'testing/index': 'src/testing/index.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [...external, /^react\/jsx-runtime$/, /^react-dom(\/.*)?$/, /^node:/],
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
})
