import type { ApiKeyStore } from '../../src/server/stores/types'

/** A settable clock for tests. */
export function testClock(start = Date.parse('2030-01-01T00:00:00.000Z')): {
  now: () => number
  advance: (ms: number) => void
  set: (ms: number) => void
} {
  let current = start
  return {
    now: () => current,
    advance: (ms) => {
      current += ms
    },
    set: (ms) => {
      current = ms
    },
  }
}

/** A store wrapper that records every call (method and JSON of its arguments) made to the store. */
export function recordingStore(inner: ApiKeyStore): { store: ApiKeyStore; calls: { method: string; args: string }[] } {
  const calls: { method: string; args: string }[] = []
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        calls.push({
          method: String(property),
          args: JSON.stringify(args, (_key, item: unknown) => (typeof item === 'function' ? String(item) : item)),
        })
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  return { store, calls }
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('Expected a rejection.')
    },
    (error: unknown) => error,
  )
}
