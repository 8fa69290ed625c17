// Zuplo's ApiKeyManager, measured in the same page and the same way as the kit, so "half of
// Zuplo's time" is checked on this machine rather than taken from a figure measured elsewhere.
import { useState } from 'react'
import { ApiKeyManager, type ApiKeyManagerProvider, type Consumer } from '@zuplo/react-api-key-manager'
import '@zuplo/react-api-key-manager/index.css'
import { benchKeys } from './seed'

/** Zuplo's provider over `n` of the bench's keys, one consumer per key, answered after a macrotask like the memory fetcher. */
function benchProvider(n: number): ApiKeyManagerProvider {
  const consumers: Consumer[] = benchKeys(n).map((key, index) => ({
    name: `consumer-${index}`,
    description: key.name,
    createdOn: key.createdAt?.toISOString() ?? new Date().toISOString(),
    apiKeys: [
      {
        id: `key-${index}`,
        description: key.description ?? '',
        createdOn: key.createdAt?.toISOString() ?? new Date().toISOString(),
        updatedOn: key.createdAt?.toISOString() ?? new Date().toISOString(),
        expiresOn: key.expiration?.toISOString() ?? null,
        key: `zpka_${String(index).padStart(32, '0')}`,
      },
    ],
  }))
  const later = <T,>(value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), 0))
  return {
    getConsumers: () => later({ data: consumers }),
    rollKey: () => later(undefined),
    deleteKey: () => later(undefined),
    updateConsumerDescription: () => later(undefined),
    refresh: () => undefined,
    registerOnRefresh: () => ({}),
    unregisterOnRefresh: () => undefined,
  }
}

/** The selector of one rendered key in Zuplo's manager. */
export const ZUPLO_ROW = '.zp-key-manager--key-control-container'

/** Zuplo's manager showing `n` keys. */
export function ZuploManager({ n }: { n: number }) {
  const [provider] = useState(() => benchProvider(n))
  return <ApiKeyManager provider={provider} />
}
