import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { chromiumArgs, chromiumPath } from './test/browser/chromium.ts'

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
          exclude: ['test/smoke/**', 'test/e2e/**'],
          setupFiles: ['test/setup.ts'],
          // Says once, at the end, when the PostgreSQL tests were skipped and how to run them.
          globalSetup: ['test/server/pg-skip-notice.ts'],
          globals: true,
          restoreMocks: true,
          // Generous for a busy 2-core CI machine (load 15-20): servers and databases start in child
          // processes, and no test may depend on the machine being fast. Set here, not per test.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        // Every story in stories/ becomes a test, rendered in real Chromium and checked by axe.
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          // A story's play function waits for what it names however slow the machine is.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
              // The reveal dialog's Copy button is tested for real; the refused case mocks the clipboard.
              contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        // The demo app end to end: a server child process and Debian's Chromium driven by Playwright.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 150_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
