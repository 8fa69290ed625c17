// The bench page: one scenario per load, chosen by ?scenario=…&n=…, its result left on window.__result.
import { QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { createRoot } from 'react-dom/client'
import {
  APIKeysManager,
  APIKeysProvider,
  createMemoryFetcher,
  useAPIKeys,
  useAPIKeysClient,
  useApiKeys,
  type MemoryFetcher,
} from '../../src/index'
import '../../src/styles/styles.css'
import { withLargePages } from '../../stories/support/large-pages'
import { FloorTable, floorKeys } from './floor'
import { USER, benchKeys } from './seed'

declare global {
  interface Window {
    __result?: Record<string, number>
    __error?: string
    __fetcher?: MemoryFetcher
    /** Starts the clock of a page loaded with `hold=1` (the runner counts the code run from then on). */
    __go?: () => void
  }
}

const params = new URLSearchParams(location.search)
const scenario = params.get('scenario') ?? 'manager'
const n = Number(params.get('n') ?? 100)
// Pages of 1,000 keys are more than the kit's server (and so the memory backend) answers at once: an
// app's own backend may, and withLargePages answers them 100 at a time, still counting one list call.
const fetcher = withLargePages(createMemoryFetcher({ seed: benchKeys(n) }))
window.__fetcher = fetcher
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
const container = document.getElementById('root') as HTMLElement

/**
 * The moment the next frame has been rendered: a rAF callback runs before that frame's style and
 * layout, so the time is taken in a task posted from it, which runs after them.
 */
const afterNextFrame = (): Promise<number> =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(null)
    }),
  )

/** Two frames and a quiet moment: what a person needs at least before the next click. */
const pause = async (): Promise<void> => {
  await afterNextFrame()
  await afterNextFrame()
  await new Promise((resolve) => setTimeout(resolve, 100))
}

/** Resolves when `done()` holds, checked on every DOM change. */
function when(done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (done()) return resolve()
    const observer = new MutationObserver(() => {
      if (!done()) return
      observer.disconnect()
      resolve()
    })
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  })
}

function StackList() {
  const keys = useApiKeys()
  return (
    <ul>
      {keys.map((key) => (
        <li key={key.id} className="bench-row">
          {key.description} …{key.value.lastFour} {key.isValid() ? 'valid' : key.whyInvalid()}
        </li>
      ))}
    </ul>
  )
}

function Count() {
  const { count } = useAPIKeys()
  return <p className="bench-count">{count}</p>
}

function Requests({ report }: { report: (result: Record<string, number>) => void }) {
  const client = useAPIKeysClient()
  const settled = async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, 50))
    while (queryClient.isFetching() > 0) await new Promise((resolve) => setTimeout(resolve, 10))
  }
  useEffect(() => {
    void (async () => {
      await settled()
      const atMountFor5Consumers = fetcher.calls.list
      const beforeCreate = fetcher.calls.list
      const created = await client.create({ name: 'Bench created' })
      await settled()
      const create = fetcher.calls.list - beforeCreate
      const beforeRevoke = fetcher.calls.list
      await client.revoke({ apiKeyId: created.id })
      await settled()
      const revoke = fetcher.calls.list - beforeRevoke
      report({ atMountFor5Consumers, create, revoke })
    })()
    // Runs once: the scenario is a script.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return null
}

async function run(): Promise<Record<string, number>> {
  const root = createRoot(container)
  const provider = (children: React.ReactNode) => (
    <APIKeysProvider fetcher={fetcher} userId={USER} queryClient={queryClient}>
      {children}
    </APIKeysProvider>
  )
  if (scenario === 'manager' || scenario === 'stack' || scenario === 'floor' || scenario === 'zuplo') {
    // Zuplo's module is loaded and run before the clock starts, as the kit's is.
    const zuplo = scenario === 'zuplo' ? await import('./zuplo') : undefined
    // So is the backend: Zuplo's answers from an array made before the clock. The memory backend
    // seeds itself in microtasks and answers through the server half's code, work an app's server
    // does elsewhere, so one list of another subject, outside the QueryClient, lets it finish first.
    await fetcher.list({
      subject: 'bench-warm-up',
      subjectKind: 'user',
      query: '',
      page: 1,
      pageSize: 1,
      signal: new AbortController().signal,
    })
    const rows =
      scenario === 'stack' ? 'li.bench-row' : zuplo ? zuplo.ZUPLO_ROW : 'tbody tr.rak-row:not(.rak-row--skeleton)'
    // Every row is on screen when all are rendered, or, for a windowed table, when it says it has
    // all n rows and its rendered rows reach past the bottom of the viewport. The DOM is checked on
    // each change; geometry only after a frame, so the bench never forces a layout of its own.
    const inDomCheck = (): boolean => {
      const rendered = document.querySelectorAll(rows).length
      return (
        rendered === n ||
        (rendered > 0 && document.querySelector('table')?.getAttribute('aria-rowcount') === String(n + 1))
      )
    }
    const onScreen = (): boolean => {
      const rendered = document.querySelectorAll<HTMLElement>(rows)
      return (
        rendered.length === n || (rendered[rendered.length - 1]?.getBoundingClientRect().bottom ?? 0) >= innerHeight
      )
    }
    // With hold=1 the page waits here for the runner, which starts counting the code run from this point.
    if (params.get('hold') === '1') {
      await new Promise<void>((resolve) => {
        window.__go = resolve
        console.debug('bench:hold')
      })
    }
    // The app's shell (index.html) is on screen, its fonts loaded, before the clock starts.
    await afterNextFrame()
    // Where the measured time starts, for anyone reading a trace of this page (the Performance panel).
    performance.mark('bench-start')
    const start = performance.now()
    const element =
      scenario === 'manager' ? (
        provider(<APIKeysManager pageSize={n} />)
      ) : scenario === 'stack' ? (
        provider(<StackList />)
      ) : zuplo ? (
        <zuplo.ZuploManager n={n} />
      ) : (
        <FloorTable keys={floorKeys(n)} />
      )
    root.render(element)
    await when(inDomCheck)
    const inDom = performance.now()
    let end = await afterNextFrame()
    while (!onScreen()) end = await afterNextFrame()
    return {
      ms: end - start,
      msToDom: inDom - start,
      domNodes: document.getElementsByTagName('*').length,
      rowsRendered: document.querySelectorAll(rows).length,
    }
  }
  if (scenario === 'revoke') {
    root.render(provider(<APIKeysManager pageSize={n} />))
    await when(() => document.querySelectorAll('tbody tr.rak-row--active').length > 0)
    // A person clicks once the page has settled, not within its first frames: the mount's last
    // work (the row window's measurement) must not be counted as the revoke's.
    await pause()
    const row = document.querySelector('tbody tr.rak-row--active') as HTMLElement
    ;(row.querySelector('button[data-rak-action="revoke"]') as HTMLButtonElement).click()
    await when(() => document.querySelector('.rak-dialog--revoke .rak-button--danger') !== null)
    await pause()
    // The backend now takes a second to answer, so what is measured is the optimistic update alone.
    fetcher.setLatency(1000)
    const start = performance.now()
    ;(document.querySelector('.rak-dialog--revoke .rak-button--danger') as HTMLButtonElement).click()
    await when(() => row.querySelector('.rak-badge')?.textContent === 'Revoked')
    const end = await afterNextFrame()
    return { ms: end - start }
  }
  if (scenario === 'search') {
    root.render(provider(<APIKeysManager pageSize={10} />))
    await when(() => document.querySelectorAll('tbody tr.rak-row:not(.rak-row--skeleton)').length === 10)
    const before = fetcher.calls.list
    let lastKeystroke = 0
    const input = document.querySelector('input[type="search"]') as HTMLInputElement
    input.addEventListener('input', () => (lastKeystroke = performance.now()))
    console.debug('bench:ready')
    // The page waits for the browser to type; it then measures from the last keystroke to the rows.
    await when(() => input.value === 'Billing wo')
    await when(
      () =>
        [...document.querySelectorAll('tbody .rak-key-name')].every((cell) =>
          cell.textContent?.startsWith('Billing wo'),
        ) && document.querySelectorAll('tbody .rak-key-name').length > 0,
    )
    const end = await afterNextFrame()
    return { msFromLastKeystroke: end - lastKeystroke, listRequests: fetcher.calls.list - before }
  }
  if (scenario === 'requests') {
    return new Promise<Record<string, number>>((resolve) => {
      root.render(
        provider(
          <>
            {[1, 2, 3, 4, 5].map((i) => (
              <Count key={i} />
            ))}
            <Requests report={resolve} />
          </>,
        ),
      )
    })
  }
  if (scenario === 'page-back') {
    function Pager() {
      const list = useAPIKeys({ pageSize: 10 })
      useEffect(() => {
        ;(window as unknown as { __pager: typeof list }).__pager = list
      })
      return <p className="bench-page">{list.isFetching ? 'fetching' : `page ${list.page}`}</p>
    }
    root.render(provider(<Pager />))
    const pager = () => (window as unknown as { __pager: ReturnType<typeof useAPIKeys> }).__pager
    const text = () => document.querySelector('.bench-page')?.textContent
    await when(() => text() === 'page 1')
    pager().fetchNext()
    await when(() => text() === 'page 2')
    const before = fetcher.calls.list
    pager().fetchPrevious()
    await when(() => text() === 'page 1')
    await new Promise((resolve) => setTimeout(resolve, 100))
    return { requestsBackToSeenPage: fetcher.calls.list - before }
  }
  throw new Error(`unknown scenario ${scenario}`)
}

// The runner waits for this console message rather than polling the page, so nothing of its own
// runs in the page while a figure is taken.
run()
  .then(
    (result) => (window.__result = result),
    (error: unknown) => (window.__error = String(error)),
  )
  .finally(() => console.debug('bench:done'))
