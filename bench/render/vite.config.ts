import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/** The bench page, built for production like an app would ship it. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  logLevel: 'warn',
  // esbuild minifies the CSS: lightningcss rejects a selector in Zuplo's stylesheet.
  build: {
    outDir: fileURLToPath(new URL('../results/.page', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    cssMinify: 'esbuild',
  },
})
