import { generateApiKey } from '../core/key-format'
import { newApiKeyId } from '../server/service/ids'
import { nameKeyOf } from '../server/service/name-key'
import type { ApiKeyStore, NewApiKeyRecord, SubjectRef } from '../server/stores/types'
import type { MemorySeedKey } from './memory-fetcher'

/** 64 random hex digits: the stored hash of a seed key, whose secret nobody ever had. */
function hashOfNoSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * Seeds in the order a server would have stored them: oldest first (a list answers the last stored
 * first), and of seeds made at one moment the first given is listed first.
 */
function inStoredOrder(seeds: readonly MemorySeedKey[], now: number): MemorySeedKey[] {
  return seeds
    .map((seed, index) => ({ seed, index, at: seed.createdAt?.getTime() ?? now }))
    .sort((a, b) => a.at - b.at || b.index - a.index)
    .map(({ seed }) => seed)
}

/**
 * Puts seed keys into a store through the store's own methods, so they obey its rules (one active key
 * per name and owner): each is inserted, then revoked at its `revokedAt` and marked used at its
 * `lastUsedAt`. A seed's dates may lie in the past, which no call of the service could make.
 */
export async function seedStore(
  store: ApiKeyStore,
  seeds: readonly MemorySeedKey[],
  options: { prefix: string; now: () => number },
): Promise<void> {
  for (const seed of inStoredOrder(seeds, options.now())) {
    const owner: SubjectRef = { subject: seed.subject, subjectKind: seed.subjectKind ?? 'user' }
    const record: NewApiKeyRecord = {
      ...owner,
      id: seed.id ?? newApiKeyId(),
      name: seed.name,
      nameKey: nameKeyOf(seed.name),
      description: seed.description ?? null,
      claims: seed.claims ?? null,
      scopes: seed.scopes ?? [],
      createdAt: seed.createdAt ?? new Date(options.now()),
      createdBy: seed.createdBy ?? null,
      expiration: seed.expiration ?? null,
      prefix: options.prefix,
      lastFour: seed.lastFour ?? generateApiKey(options.prefix).slice(-4),
      secretHash: hashOfNoSecret(),
    }
    await store.insert(record, new Date(options.now()))
    if (seed.revokedAt) {
      const reason = seed.revocationReason ?? null
      await store.revoke({ ...owner, id: record.id, reason, revokedBy: seed.revokedBy ?? null, now: seed.revokedAt })
    }
    if (seed.lastUsedAt) {
      await store.touchLastUsed({ id: record.id, now: seed.lastUsedAt, staleAt: seed.lastUsedAt })
    }
  }
}
