'use client'
import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { useReducer, useRef } from 'react'
import { flushSync } from 'react-dom'
import { useEffectBeforePaint } from './use-effect-before-paint'

/** Re-renders waiting for answers that arrived in this turn, made together in one commit. */
let waiting: (() => void)[] = []

function renderAllArrived(): void {
  const rerenders = waiting
  waiting = []
  flushSync(() => {
    for (const rerender of rerenders) rerender()
  })
}

/**
 * Re-renders the calling component the moment a page it waits for arrives, before the browser
 * paints again. TanStack tells its observers a task later (notifyManager's setTimeout), and the
 * browser takes that moment to lay out and paint the loading state first (30-40 ms of a cold first
 * paint on a 2-core machine, for a frame nobody needs when the keys are already there). Every list
 * waiting for answers that arrive in one turn re-renders in the same commit, so no frame shows one
 * list with its keys and another still loading.
 *
 * Returns `(client, key, request)`, to call in render: `request` is called once per client and key, and
 * gives the request for that key, started or joined (TanStack's `prefetchQuery` joins one under way).
 */
export function useRenderOnArrival(): (client: QueryClient, key: QueryKey, request: () => Promise<unknown>) => void {
  const [, rerender] = useReducer((count: number) => count + 1, 0)
  const mounted = useRef(false)
  const awaited = useRef<{ client: QueryClient; hash: string } | null>(null)
  useEffectBeforePaint(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])
  return (client, key, request) => {
    const hash = hashKey(key)
    if (awaited.current?.client === client && awaited.current.hash === hash) return
    const wanted = { client, hash }
    awaited.current = wanted
    void request().then(() => {
      // Not mounted yet: the render in progress reads the cache. Gone, or waiting for another page: nothing to do.
      if (!mounted.current || awaited.current !== wanted) return
      if (waiting.length === 0) queueMicrotask(renderAllArrived)
      waiting.push(rerender)
    })
  }
}
