'use client'
import { useMemo, type ReactNode } from 'react'
import type { TeamInfo } from '../core/types'
import { createRestFetcher } from '../fetchers/rest-fetcher'
import type { Messages } from '../i18n/messages'
import { APIKeysProvider } from './provider'

/** The components' strings that are plain text: overrides a server component can pass as they are. */
export type TextOverrides = {
  [K in keyof Messages as Messages[K] extends string ? K : never]?: string
}

/** Props of {@link APIKeysRestProvider}: every one is plain data, so a server component may pass them. */
export interface APIKeysRestProviderProps {
  /** Where the kit's handler is mounted (its `basePath`), relative (`/api`) or absolute. */
  baseUrl: string
  /** Whether cookies go along (default `same-origin`; `include` for a cookie session on another origin). */
  credentials?: RequestCredentials
  /** Fixed headers for every request, such as a CSRF token the server rendered. */
  headers?: Record<string, string>
  /** The signed-in user, or null when nobody is signed in. Changing it drops the previous user's cache. */
  userId: string | null
  /** The active organization or team; when set, it is the default subject instead of the user. */
  organizationId?: string | null
  /** The teams the user belongs to and their permissions (used by the team components). */
  teams?: readonly TeamInfo[]
  /** Overrides for the plain-text strings; strings that are functions need a client wrapper with `APIKeysProvider`. */
  localization?: TextOverrides
  /** The BCP 47 locale for dates and numbers (default: the browser's). */
  locale?: string
  children?: ReactNode
}

/**
 * `<APIKeysProvider>` on the kit's own HTTP API, built from plain data: a Next.js server component
 * can render it (a fetcher is a set of functions, which cannot cross from server to client). It makes
 * its `createRestFetcher` itself, on the client side of the boundary, and keeps it while `baseUrl`,
 * `credentials` and `headers` stay the same.
 */
export function APIKeysRestProvider(props: APIKeysRestProviderProps): ReactNode {
  const { baseUrl, credentials, headers, children, ...scope } = props
  // A server component's props arrive as new objects on every server render: compare headers by value.
  const headersJson = JSON.stringify(headers ?? {})
  const fetcher = useMemo(
    () => createRestFetcher({ baseUrl, credentials, headers: JSON.parse(headersJson) as Record<string, string> }),
    [baseUrl, credentials, headersJson],
  )
  return (
    <APIKeysProvider fetcher={fetcher} {...scope}>
      {children}
    </APIKeysProvider>
  )
}
