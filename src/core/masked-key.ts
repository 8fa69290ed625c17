import type { APIKeyResource } from './types'

/** How a key is shown without its secret: its prefix, an ellipsis and its last four characters (`sk_…qeUS`). */
export function maskedKey(key: Pick<APIKeyResource, 'prefix' | 'lastFour'>): string {
  return `${key.prefix ?? ''}…${key.lastFour}`
}
