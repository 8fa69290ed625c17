import type { ApiKeyStore, KeyChange, KeyChangeListener } from '../stores/types'
import { VerifyCache, type VerifyCacheOptions } from './verify-cache'

/** Every verify cache in this process, by the store it caches: a change made here reaches them all directly. */
const cachesByStore = new WeakMap<ApiKeyStore, Set<KeyChangeListener>>()

/**
 * Stops listening once a service (and so its cache) is garbage: an app that makes services over one
 * long-lived store does not pile up listeners.
 */
const whenCollected = new FinalizationRegistry<() => void>((stop) => stop())

/**
 * Tells every verify cache over `store` in this process that a key changed. The instance that
 * revokes, rolls or edits a key calls it after the store answered; other processes hear it from
 * the store (PostgreSQL `NOTIFY`).
 */
export function announceKeyChange(store: ApiKeyStore, change: KeyChange): void {
  for (const listener of cachesByStore.get(store) ?? []) listener(change)
}

/**
 * A verify cache for `store` that hears its changes: those made by services in this process, and
 * those the store hears from other processes (`subscribeToChanges`). On a store that hears other
 * processes, nothing is cached while it is not listening.
 */
export function connectedVerifyCache(store: ApiKeyStore, options: VerifyCacheOptions): VerifyCache {
  // Held weakly by the listeners, so they do not keep the cache (and its service) alive.
  const cacheRef: { current?: WeakRef<VerifyCache> } = {}
  const listener: KeyChangeListener = (change) => cacheRef.current?.deref()?.apply(change)
  const subscription = store.subscribeToChanges?.(listener)
  const cache = new VerifyCache(options, () => subscription?.live ?? true)
  cacheRef.current = new WeakRef(cache)

  let local = cachesByStore.get(store)
  if (local === undefined) cachesByStore.set(store, (local = new Set()))
  local.add(listener)
  const localSet = local
  whenCollected.register(cache, () => {
    localSet.delete(listener)
    subscription?.unsubscribe()
  })
  return cache
}
