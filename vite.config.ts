import react from '@vitejs/plugin-react'
import { copyFileSync, mkdirSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vite'
import pkg from './package.json' with { type: 'json' }

const external = [
  ...Object.keys(pkg.peerDependencies),
  ...Object.keys(pkg.dependencies),
].map((name) => new RegExp(`^${name}(/.*)?$`))

/** Ships the stylesheet as it is written: one file, imported by apps as `react-api-keys/styles.css`. */
function copyStyles(): Plugin {
  return {
    name: 'react-api-keys:copy-styles',
    apply: 'build',
    closeBundle() {
      mkdirSync('dist', { recursive: true })
      copyFileSync('src/styles/styles.css', 'dist/styles.css')
    },
  }
}

export default defineConfig({
  plugins: [react(), copyStyles()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    minify: false,
    target: 'es2022',
    lib: { entry: { index: 'src/index.ts', 'server/index': 'src/server/index.ts' }, formats: ['es'] },
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
