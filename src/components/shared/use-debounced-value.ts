'use client'
import { useEffect, useState } from 'react'

/** `value`, once it has stopped changing for `delayMs`; at once while `immediate` is true. */
export function useDebouncedValue<T>(value: T, delayMs: number, immediate = false): T {
  const [settled, setSettled] = useState(value)
  // Set during render, as React advises for state derived from props: nothing waits a frame.
  if (immediate && settled !== value) setSettled(value)
  useEffect(() => {
    if (immediate) return
    const timer = setTimeout(() => setSettled(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs, immediate])
  return immediate ? value : settled
}
