'use client'
import { useEffect, useState } from 'react'

/**
 * False until `ready` has held and the browser has then had nothing else to do (an idle callback, or
 * a second where there is none), then true for good. For work the first paint must not wait for.
 */
export function useIdleAfter(ready: boolean): boolean {
  const [idle, setIdle] = useState(false)
  useEffect(() => {
    if (!ready || idle) return undefined
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => setIdle(true), { timeout: 1000 })
      return () => cancelIdleCallback(handle)
    }
    const timer = setTimeout(() => setIdle(true), 0)
    return () => clearTimeout(timer)
  }, [ready, idle])
  return idle
}
