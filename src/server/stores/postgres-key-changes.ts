import { crc32 } from '../../core/crc32'
import type { StoreError } from './errors'
import { storeErrorFrom } from './sql/driver-errors'
import type { SqlNames } from './sql/names'
import type { KeyChange, KeyChangeListener, KeyChangeSubscription } from './types'

/** A notification as `pg` emits it on the connection that listens. */
export interface PgNotification {
  channel: string
  payload?: string
}

/**
 * A connection of its own to listen on, as `pg`'s `Client` is: it emits `notification`, and
 * `error` or `end` when the connection breaks.
 */
export interface PgListeningClientLike {
  connect(): Promise<unknown>
  query(text: string): Promise<unknown>
  end(): Promise<unknown>
  on(event: 'notification', listener: (message: PgNotification) => void): unknown
  on(event: 'error' | 'end', listener: () => void): unknown
  /** `pg`'s socket, which the feed unrefs so a store left open never keeps the process alive. */
  connection?: { stream?: { unref?: () => unknown } }
}

/** What the change feed needs of the database: statements to notify with, and a way to open a connection of its own. */
export interface PgChangeFeedDatabase {
  query(text: string, params?: unknown[]): Promise<unknown>
  /** A new, unconnected client with the pool's settings. */
  newClient(): PgListeningClientLike
}

const MAX_CHANNEL_LENGTH = 63
const FIRST_RETRY_MS = 100
const MAX_RETRY_MS = 2_000

/**
 * The `LISTEN/NOTIFY` channel of a store's keys table, e.g. `api_keys_changed`. Names are plain
 * lower-case identifiers (see names.ts), so it needs no quoting; one too long for PostgreSQL is
 * shortened with a checksum (two tables sharing a channel only drop a few more cache entries).
 */
export function changeChannelOf(names: SqlNames): string {
  const channel = `${names.keys.replace('.', '__')}_changed`
  if (channel.length <= MAX_CHANNEL_LENGTH) return channel
  return `rak_${crc32(names.keys).toString(16)}_changed`
}

/**
 * Key changes between processes on one PostgreSQL. `publish` sends `NOTIFY <channel>, '<key id>'`
 * (an id: never a secret or its hash); every process that subscribed listens on a connection of
 * its own, made like the pool's (its socket unref'd, so a store left open never holds the process). When that connection breaks (a restart, a failover),
 * listeners are told `all` (forget everything, changes may be missed), `live` is false until it is
 * listening again, and it reconnects with a growing pause (0.1 s to 2 s), then says `all` again.
 */
export class PostgresChangeFeed {
  private readonly listeners = new Set<KeyChangeListener>()
  private connection: PgListeningClientLike | null = null
  private listening = false
  private started = false
  private closed = false
  private retryMs = FIRST_RETRY_MS
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private reportedOutage = false

  constructor(
    private readonly database: PgChangeFeedDatabase,
    private readonly channel: string,
    private readonly report: (error: StoreError) => void,
  ) {}

  /** Hears changes from every process; the connection is opened on the first subscription. */
  subscribe(listener: KeyChangeListener): KeyChangeSubscription {
    this.listeners.add(listener)
    if (!this.started) {
      this.started = true
      void this.connect()
    }
    const isListening = (): boolean => this.listening
    return {
      get live() {
        return isListening()
      },
      unsubscribe: () => {
        this.listeners.delete(listener)
      },
    }
  }

  /** Tells every listening process that key `id` changed. A failure is reported, not thrown: the change itself stands. */
  async publish(id: string): Promise<void> {
    try {
      await this.database.query('SELECT pg_notify($1, $2)', [this.channel, id])
    } catch (error) {
      this.report(storeErrorFrom(error))
    }
  }

  /** Stops listening and ends its connection. */
  close(): void {
    this.closed = true
    clearTimeout(this.retryTimer)
    this.drop(this.connection)
  }

  private emit(change: KeyChange): void {
    for (const listener of this.listeners) listener(change)
  }

  private async connect(): Promise<void> {
    if (this.closed) return
    const client = this.database.newClient()
    const lost = (): void => this.lose(client)
    // Heard before connecting: an 'error' nobody listens to would end the process.
    client.on('error', lost)
    client.on('end', lost)
    client.on('notification', this.onNotification)
    this.connection = client
    try {
      await client.connect()
      client.connection?.stream?.unref?.()
      await client.query(`LISTEN ${this.channel}`)
      if (this.connection !== client) return
      this.listening = true
      this.retryMs = FIRST_RETRY_MS
      this.reportedOutage = false
      // Anything read before now may predate a change this connection never heard.
      this.emit({ kind: 'all' })
    } catch (error) {
      // Ended by close() or already lost (its 'error' came first): nothing to report or retry here.
      if (this.connection !== client) return
      if (!this.reportedOutage) this.report(storeErrorFrom(error))
      this.reportedOutage = true
      this.lose(client)
    }
  }

  private readonly onNotification = (message: PgNotification): void => {
    if (message.channel !== this.channel) return
    const id = message.payload ?? ''
    this.emit(id === '' ? { kind: 'all' } : { kind: 'key', id })
  }

  /** The listening connection broke (or never came up): nothing heard is trusted until a new one listens. */
  private lose(client: PgListeningClientLike): void {
    if (this.connection !== client) return
    this.drop(client)
    this.emit({ kind: 'all' })
    this.retryLater()
  }

  private drop(client: PgListeningClientLike | null): void {
    if (client === null || this.connection !== client) return
    this.connection = null
    this.listening = false
    client.end().catch(() => undefined)
  }

  private retryLater(): void {
    if (this.closed) return
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs)
    this.retryTimer.unref?.()
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS)
  }
}
