import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/** The demo app's build: a plain React app in `app/`, importing the kit from `src/` as an app imports the package. */
export default defineConfig({
  root: fileURLToPath(new URL('./app', import.meta.url)),
  plugins: [react()],
  logLevel: 'warn',
  build: {
    // serve.ts builds into a fresh temporary directory and passes it as outDir.
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
})
