import type { Preview } from '@storybook/react-vite'
import { withKit } from '../stories/support/with-kit'

const preview: Preview = {
  decorators: [withKit],
  parameters: {
    layout: 'padded',
    // Every story is checked by axe; any violation fails its test.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  globalTypes: {
    latency: {
      description: 'Simulated backend latency',
      toolbar: { title: 'Latency', icon: 'timer', items: [{ value: '0', title: 'No latency' }, { value: '400', title: '400 ms' }, { value: '1500', title: '1.5 s' }], dynamicTitle: true },
    },
    failure: {
      description: 'Make backend calls fail',
      toolbar: { title: 'Failures', icon: 'alert', items: [{ value: 'none', title: 'No failures' }, { value: 'list', title: 'Listing fails' }, { value: 'create', title: 'Creating fails' }, { value: 'revoke', title: 'Revoking fails' }, { value: 'all', title: 'Every call fails' }], dynamicTitle: true },
    },
    locale: {
      description: 'Language and date format',
      toolbar: { title: 'Locale', icon: 'globe', items: [{ value: 'en', title: 'English' }], dynamicTitle: true },
    },
  },
  initialGlobals: { latency: '0', failure: 'none', locale: 'en' },
}

export default preview
