// @vitest-environment node
import { EventEmitter } from 'node:events'
import { inspect } from 'node:util'
import { changeChannelOf, PostgresChangeFeed } from '../../src/server/stores/postgres-key-changes'
import type { StoreError } from '../../src/server/stores/errors'
import { sqlNamesFor } from '../../src/server/stores/sql/names'
import type { KeyChange } from '../../src/server/stores/types'

/** A `pg` client stand-in: connects unless told to refuse, records its statements, emits what the test says. */
class StandInClient extends EventEmitter {
  readonly statements: string[] = []
  ended = false
  constructor(private readonly refuse: boolean) {
    super()
  }
  connect(): Promise<void> {
    if (!this.refuse) return Promise.resolve()
    return Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))
  }
  query(text: string): Promise<void> {
    this.statements.push(text)
    return Promise.resolve()
  }
  end(): Promise<void> {
    this.ended = true
    return Promise.resolve()
  }
}

function setup() {
  const clients: StandInClient[] = []
  const notified: unknown[][] = []
  const reported: StoreError[] = []
  let refuse = false
  const feed = new PostgresChangeFeed(
    {
      query: async (_text, params) => void notified.push(params ?? []),
      newClient: () => {
        const client = new StandInClient(refuse)
        clients.push(client)
        return client
      },
    },
    'api_keys_changed',
    (error) => reported.push(error),
  )
  const heard: KeyChange[] = []
  const subscription = feed.subscribe((change) => heard.push(change))
  const latest = (): StandInClient => {
    const client = clients.at(-1)
    if (client === undefined) throw new Error('No connection was made.')
    return client
  }
  return {
    feed,
    subscription,
    heard,
    notified,
    reported,
    clients,
    latest,
    refuseConnections: (value: boolean) => (refuse = value),
  }
}

describe('PostgresChangeFeed', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('listens on a connection of its own, then says everything cached before may be stale', async () => {
    const { subscription, heard, latest } = setup()
    expect(subscription.live).toBe(false)
    await vi.waitFor(() => expect(subscription.live).toBe(true))
    expect(latest().statements).toEqual(['LISTEN api_keys_changed'])
    expect(heard).toEqual([{ kind: 'all' }])
  })

  it("passes on a key's id from its channel only, and publishes ids, never more", async () => {
    const { feed, subscription, heard, notified, latest } = setup()
    await vi.waitFor(() => expect(subscription.live).toBe(true))
    latest().emit('notification', { channel: 'api_keys_changed', payload: 'ak_1' })
    latest().emit('notification', { channel: 'other_table_changed', payload: 'ak_2' })
    latest().emit('notification', { channel: 'api_keys_changed', payload: '' })
    expect(heard.slice(1)).toEqual([{ kind: 'key', id: 'ak_1' }, { kind: 'all' }])
    await feed.publish('ak_3')
    expect(notified).toEqual([['api_keys_changed', 'ak_3']])
  })

  it('stops being live when its connection breaks, and listens again on a new one', async () => {
    vi.useFakeTimers()
    const { subscription, heard, clients, latest, reported, refuseConnections } = setup()
    await vi.waitFor(() => expect(subscription.live).toBe(true))
    const first = latest()
    refuseConnections(true)
    first.emit('error', new Error('terminating connection due to administrator command'))
    expect(subscription.live).toBe(false)
    expect(first.ended).toBe(true)
    expect(heard).toEqual([{ kind: 'all' }, { kind: 'all' }])

    // Down: each try is refused, told once, and tried again later.
    await vi.advanceTimersByTimeAsync(1_000)
    expect(clients.length).toBeGreaterThan(2)
    expect(subscription.live).toBe(false)
    expect(reported.map((error) => error.code)).toEqual(['unavailable'])

    refuseConnections(false)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(subscription.live).toBe(true)
    expect(latest().statements).toEqual(['LISTEN api_keys_changed'])
    expect(heard.at(-1)).toEqual({ kind: 'all' })
  })

  it('ends its connection on close and does not come back', async () => {
    vi.useFakeTimers()
    const { feed, subscription, clients, latest } = setup()
    await vi.waitFor(() => expect(subscription.live).toBe(true))
    feed.close()
    expect(latest().ended).toBe(true)
    expect(subscription.live).toBe(false)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(clients).toHaveLength(1)
  })

  it('names a channel after the keys table, short enough for PostgreSQL', () => {
    expect(changeChannelOf(sqlNamesFor())).toBe('api_keys_changed')
    expect(changeChannelOf(sqlNamesFor({ schema: 'auth', tablePrefix: 'app_' }))).toBe('auth__app_api_keys_changed')
    const long = changeChannelOf(sqlNamesFor({ schema: 's'.repeat(63), tablePrefix: 'p'.repeat(30) }))
    expect(long.length).toBeLessThanOrEqual(63)
    expect(long).toMatch(/^[a-z][a-z0-9_]*$/)
    expect(inspect(long)).not.toContain('s'.repeat(63))
  })
})
