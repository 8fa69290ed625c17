import type { Decorator, Preview } from '@storybook/react-vite'
import { useEffect, type ReactNode } from 'react'
import '../src/styles/styles.css'
import '../stories/support/preview.css'
import { VIEWPORTS } from '../stories/support/viewports'
import { withKit } from '../stories/support/with-kit'

/**
 * Puts the toolbar's theme on <html>, where both the components and their portalled dialogs see it;
 * "app" sets none, as in an app that never opted in to dark (the kit is light there).
 */
function ThemeFrame({ theme, children }: { theme: string; children: ReactNode }) {
  useEffect(() => {
    if (theme === 'app') document.documentElement.removeAttribute('data-theme')
    else document.documentElement.setAttribute('data-theme', theme)
  }, [theme])
  return children
}

const withTheme: Decorator = (Story, context) => (
  <ThemeFrame theme={String(context.globals.theme ?? 'app')}>
    <Story />
  </ThemeFrame>
)

const preview: Preview = {
  decorators: [withKit, withTheme],
  parameters: {
    layout: 'padded',
    // Every story is checked by axe; any violation fails its test.
    a11y: { test: 'error' },
    controls: { expanded: true },
    viewport: { options: VIEWPORTS },
  },
  globalTypes: {
    latency: {
      description: 'Simulated backend latency',
      toolbar: {
        title: 'Latency',
        icon: 'timer',
        items: [
          { value: '0', title: 'No latency' },
          { value: '400', title: '400 ms' },
          { value: '1500', title: '1.5 s' },
        ],
        dynamicTitle: true,
      },
    },
    failure: {
      description: 'Make backend calls fail',
      toolbar: {
        title: 'Failures',
        icon: 'alert',
        items: [
          { value: 'none', title: 'No failures' },
          { value: 'list', title: 'Listing fails' },
          { value: 'create', title: 'Creating fails' },
          { value: 'revoke', title: 'Revoking fails' },
          { value: 'all', title: 'Every call fails' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language and date format',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: "The app's data-theme: none, light, dark, or system",
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'app', title: 'App default (no data-theme: light)' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'system', title: 'System (data-theme="system")' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { latency: '0', failure: 'none', locale: 'en', theme: 'app' },
}

export default preview
