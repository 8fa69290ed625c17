'use client'
import { useEffect, useState } from 'react'

/**
 * False until `ready` has held and the browser has then had nothing else to do, then true for good.
 * For work the first paint must not wait for. Where there is no idle callback (Safari), a second
 * stands in for one: a task posted at once could run before the frame it should follow.
 */
export function useIdleAfter(ready: boolean): boolean {
  const [idle, setIdle] = useState(false)
  useEffect(() => {
    if (!ready || idle) return undefined
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => setIdle(true))
      return () => cancelIdleCallback(handle)
    }
    const timer = setTimeout(() => setIdle(true), 1000)
    return () => clearTimeout(timer)
  }, [ready, idle])
  return idle
}
