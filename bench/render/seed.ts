import type { MemorySeedKey } from '../../src/index'

export const USER = 'user_bench'

/** `count` keys with a mix of states, names that a search can narrow ("Billing worker 12"…). */
export function benchKeys(count: number): MemorySeedKey[] {
  const now = Date.now()
  const kinds = ['Billing worker', 'Deploy bot', 'Metrics exporter', 'Mobile app', 'Partner sync']
  return Array.from({ length: count }, (_, index) => ({
    name: `${kinds[index % kinds.length] ?? 'Key'} ${index + 1}`,
    subject: USER,
    description: index % 2 === 0 ? 'Used by the nightly jobs' : null,
    createdAt: new Date(now - index * 60_000),
    lastUsedAt: index % 3 === 0 ? null : new Date(now - index * 30_000),
    expiration: index % 4 === 0 ? null : new Date(now + (index % 30) * 86_400_000),
    revokedAt: index % 11 === 0 ? new Date(now - 1000) : null,
    revocationReason: index % 11 === 0 ? 'Rotated' : null,
  }))
}
