import type { Decorator } from '@storybook/react-vite'
import { QueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import {
  APIKeysProvider,
  createMemoryFetcher,
  deMessages,
  type MemoryFetcher,
  type MemoryMethod,
  type MemorySeedKey,
  type TeamInfo,
} from '../../src/index'
import { DEMO_USER, demoKeys } from './demo-keys'
import { withLargePages } from './large-pages'

/** What a story may set under `parameters.kit`. */
export interface KitParameters {
  seed?: MemorySeedKey[]
  userId?: string | null
  organizationId?: string | null
  teams?: TeamInfo[]
  /** Prepare the backend before the story renders (e.g. make a call fail). */
  setup?: (fetcher: MemoryFetcher) => void
  /** A backend that stores no scopes (`supports.scopes: false`), as Stack Auth's and Clerk's. */
  withoutScopes?: boolean
  /** A backend that keeps no description beside the name (`supports.description: false`), as Stack Auth's. */
  withoutDescription?: boolean
  /**
   * A backend whose list cannot filter by hygiene (no `supports.hygiene`), as Stack Auth's and Clerk's:
   * the manager counts and filters the loaded page only.
   */
  withoutHygiene?: boolean
  /** A backend that answers pages of more than 100 keys (the kit's server does not), as an app's own may. */
  largePages?: boolean
}

/** Typed story parameters for the embedded backend: `parameters: kit({ seed, setup })`. */
export function kit(parameters: KitParameters): { kit: KitParameters } {
  return { kit: parameters }
}

const FAILING_METHODS: Record<string, MemoryMethod[] | undefined> = {
  list: ['list'],
  create: ['create'],
  revoke: ['revoke'],
}

interface KitFrameProps {
  parameters: KitParameters
  latency: number
  failure: string
  locale: string
  children: ReactNode
}

/** The Provider on a fresh embedded backend, made once per story render. */
function KitFrame({ parameters, latency, failure, locale, children }: KitFrameProps) {
  const userId = parameters.userId === undefined ? DEMO_USER : parameters.userId
  const [fetcher] = useState(() => {
    // The backend records the story's user as who creates and revokes keys, a team's too.
    const memory = createMemoryFetcher({
      seed: parameters.seed ?? demoKeys(),
      latencyMs: latency,
      userId: userId ?? undefined,
    })
    if (failure !== 'none') memory.failNext('network', { times: 1000, methods: FAILING_METHODS[failure] })
    parameters.setup?.(memory)
    const backend = parameters.largePages ? withLargePages(memory) : memory
    // Each flag takes away its own support only, so a story may combine them.
    const supports = {
      ...backend.supports,
      ...(parameters.withoutScopes ? { scopes: false } : {}),
      ...(parameters.withoutDescription ? { description: false } : {}),
      ...(parameters.withoutHygiene ? { hygiene: false } : {}),
    }
    const stripped = parameters.withoutScopes || parameters.withoutDescription || parameters.withoutHygiene
    return stripped ? { ...backend, supports } : backend
  })
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
  return (
    <APIKeysProvider
      fetcher={fetcher}
      userId={userId}
      organizationId={parameters.organizationId ?? null}
      teams={parameters.teams}
      queryClient={queryClient}
      locale={locale}
      localization={locale === 'de' ? deMessages : undefined}
    >
      {children}
    </APIKeysProvider>
  )
}

/**
 * Wraps every story in the Provider on a fresh embedded backend, seeded with realistic keys, with the
 * toolbar's latency, failure and locale controls applied.
 */
export const withKit: Decorator = (Story, context) => (
  <KitFrame
    key={`${String(context.globals.latency)}-${String(context.globals.failure)}`}
    parameters={(context.parameters.kit ?? {}) as KitParameters}
    latency={Number(context.globals.latency ?? 0)}
    failure={String(context.globals.failure ?? 'none')}
    locale={String(context.globals.locale ?? 'en')}
  >
    <Story />
  </KitFrame>
)
