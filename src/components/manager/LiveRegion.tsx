'use client'
import { useState } from 'react'

/** Something said to screen reader users; `count` tells the same sentence said twice apart. */
interface Announcement {
  text: string
  count: number
}

/** The manager's polite announcements: the latest one, and how to make the next. */
export function useAnnouncer(): { announcement: Announcement | null; announce: (text: string) => void } {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null)
  return {
    announcement,
    announce: (text) => setAnnouncement((last) => ({ text, count: (last?.count ?? 0) + 1 })),
  }
}

/** Props of {@link LiveRegion}. */
export interface LiveRegionProps {
  announcement: Announcement | null
  /** Said instead of the announcement while the list loads. */
  loading?: string
}

/**
 * The manager's one polite live region: that the list is loading, what just happened ("Key
 * revoked"), or what a search found. The same sentence said again differs by an invisible no-break
 * space, so it is read again.
 */
export function LiveRegion({ announcement, loading }: LiveRegionProps) {
  return (
    <div className="rak-sr-only" role="status" aria-live="polite" aria-atomic="true">
      {loading ?? (announcement ? `${announcement.text}${announcement.count % 2 ? '' : '\u00a0'}` : '')}
    </div>
  )
}
