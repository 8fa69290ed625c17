import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/smoke/**'],
          setupFiles: ['test/setup.ts'],
          globals: true,
          restoreMocks: true,
        },
      },
    ],
  },
})
