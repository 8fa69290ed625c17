/**
 * Viewports a story can set with `globals: { viewport: { value: 'phone' } }`; the story tests run at
 * that size too (Storybook's Vitest plugin sizes the test iframe from them).
 */
export const VIEWPORTS = {
  phone: { name: 'Phone (375 px)', styles: { width: '375px', height: '740px' }, type: 'mobile' },
  zoom200: { name: '1280 x 800 at 200% zoom', styles: { width: '640px', height: '400px' }, type: 'desktop' },
  desktop: { name: 'Desktop (1280 px)', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
} as const
