import type { APIKeyStatusFilter, SubjectKind } from '../../core/types'
import { matchesHygiene, type HygieneFilter } from '../../core/key-hygiene'
import { isExpiredAt, matchesStatusFilter } from '../../core/key-status'
import { nameTakenError, notRollableError } from './errors'
import type { ApiKeyStore, ListKeysQuery, NewApiKeyRecord, RollKeyCommand, StoredApiKey, SubjectRef } from './types'

interface Entry {
  key: StoredApiKey
  nameKey: string
  secretHash: string
  /** False once the key gave up its name: rolled, or found expired when the name was wanted. */
  holdsName: boolean
  /** The last four, lower-cased once, as searches compare it. */
  lastFourKey: string
  /** Where the entry stands in its owner's {@link OwnerKeys} arrays. */
  position: number
}

/**
 * One owner's keys, oldest first (lists walk them backwards), with each key's search text in
 * arrays of the same order: a search reads these compact string arrays, not a million-object heap
 * of entries, and touches an entry only when it matched.
 */
interface OwnerKeys {
  entries: Entry[]
  /** `entries[i].nameKey`, kept equal on rename. */
  nameKeys: string[]
  /** `entries[i].lastFourKey` (it never changes). */
  lastFourKeys: string[]
}

/**
 * `key` as an object literal that names every field. V8 lays such an object out in about 140 bytes;
 * one made by spreading another takes about 640 (a property store with room to spare), which at a
 * million stored keys is half a gigabyte more heap for the garbage collector to walk.
 */
function storedKey(key: StoredApiKey): StoredApiKey {
  const stored: StoredApiKey = {
    id: key.id,
    subject: key.subject,
    subjectKind: key.subjectKind,
    name: key.name,
    description: key.description,
    claims: key.claims,
    scopes: key.scopes,
    createdAt: key.createdAt,
    createdBy: key.createdBy,
    updatedAt: key.updatedAt,
    expiration: key.expiration,
    revokedAt: key.revokedAt,
    revocationReason: key.revocationReason,
    lastUsedAt: key.lastUsedAt,
    prefix: key.prefix,
    lastFour: key.lastFour,
  }
  // Optional fields stay absent when unknown, as the other stores leave them.
  if (key.revokedBy !== undefined) stored.revokedBy = key.revokedBy
  if (key.rolledFrom !== undefined) stored.rolledFrom = key.rolledFrom
  if (key.replacedBy !== undefined) stored.replacedBy = key.replacedBy
  return stored
}

/** A stored key with some fields changed: a new record (a copy handed out earlier never changes). */
const changed = (key: StoredApiKey, changes: Partial<StoredApiKey>): StoredApiKey => storedKey({ ...key, ...changes })

/** What a caller gets: its own copy, down to the scopes and claims (made on every read, so with no spread in between). */
function copy(key: StoredApiKey): StoredApiKey {
  const own = storedKey(key)
  own.scopes = [...key.scopes]
  own.claims = key.claims === null ? null : structuredClone(key.claims)
  return own
}

const isExpired = (key: StoredApiKey, now: Date): boolean => isExpiredAt(key, now.getTime())

/** One map key per owner: the kind and the id, so a team and a user with one id never share a list. */
const ownerKey = (kind: SubjectKind, subject: string): string => `${kind}:${subject}`

function matchesStatus(key: StoredApiKey, status: APIKeyStatusFilter | undefined, now: Date): boolean {
  return matchesStatusFilter({ revoked: key.revokedAt !== null, expiration: key.expiration }, status, now.getTime())
}

/** Whether the key has the hygiene finding at `now`, by the core rule itself (no copy of it here). */
function matchesHygieneFilter(key: StoredApiKey, hygiene: HygieneFilter, now: Date): boolean {
  const at = now.getTime()
  const input = {
    revoked: key.revokedAt !== null,
    expired: isExpiredAt(key, at),
    expiration: key.expiration,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    replacedBy: key.replacedBy,
  }
  return matchesHygiene(input, hygiene, at)
}

/** A list search (a lower-cased name key fragment): a substring of the name key, or the whole last four in any case. */
function matchesSearch(owner: OwnerKeys, position: number, search: string): boolean {
  return (
    search === '' || (owner.nameKeys[position] as string).includes(search) || owner.lastFourKeys[position] === search
  )
}

/**
 * Keys in process memory, for tests and demos; gone when the process ends. Every method does its
 * check and its write in one synchronous stretch with no `await` between them, and JavaScript runs
 * one such stretch at a time, so the unique-active-name check cannot race.
 */
export function createMemoryStore(): ApiKeyStore {
  const byId = new Map<string, Entry>()
  const byHash = new Map<string, Entry>()
  /** Per owner (`ownerKey`): its keys and their search text. */
  const byOwner = new Map<string, OwnerKeys>()
  /**
   * Per owner, per name key: the entries that may hold that name, so claiming a name reads those,
   * not every key of the owner. An entry leaves when a claim finds it no longer holds the name.
   */
  const nameHolders = new Map<string, Map<string, Set<Entry>>>()

  function holdersOf(owner: SubjectRef, nameKey: string): Set<Entry> {
    const key = ownerKey(owner.subjectKind, owner.subject)
    const names = nameHolders.get(key) ?? new Map<string, Set<Entry>>()
    nameHolders.set(key, names)
    const holders = names.get(nameKey) ?? new Set<Entry>()
    names.set(nameKey, holders)
    return holders
  }

  function claimName(owner: SubjectRef, nameKey: string, now: Date, exceptId?: string): boolean {
    const holders = holdersOf(owner, nameKey)
    for (const entry of holders) {
      if (entry.key.id === exceptId) continue
      if (entry.holdsName && entry.key.revokedAt === null && entry.nameKey === nameKey) {
        if (!isExpired(entry.key, now)) return false
        entry.holdsName = false
      }
      holders.delete(entry)
    }
    return true
  }

  /** Stores a new key; `rolledFrom` is the key it replaces when a roll adds it. */
  function add(record: NewApiKeyRecord, rolledFrom?: string): StoredApiKey {
    const { nameKey, secretHash } = record
    const key = storedKey({
      id: record.id,
      subject: record.subject,
      subjectKind: record.subjectKind,
      name: record.name,
      description: record.description,
      claims: record.claims === null ? null : structuredClone(record.claims),
      scopes: [...record.scopes],
      createdAt: record.createdAt,
      createdBy: record.createdBy,
      updatedAt: record.createdAt,
      expiration: record.expiration,
      revokedAt: null,
      revocationReason: null,
      lastUsedAt: null,
      prefix: record.prefix,
      lastFour: record.lastFour,
      rolledFrom,
    })
    const owner = ownerKey(record.subjectKind, record.subject)
    const keys = byOwner.get(owner) ?? { entries: [], nameKeys: [], lastFourKeys: [] }
    byOwner.set(owner, keys)
    const lastFourKey = key.lastFour.toLowerCase()
    const entry: Entry = { key, nameKey, secretHash, holdsName: true, lastFourKey, position: keys.entries.length }
    byId.set(key.id, entry)
    byHash.set(secretHash, entry)
    holdersOf(record, nameKey).add(entry)
    keys.entries.push(entry)
    keys.nameKeys.push(nameKey)
    keys.lastFourKeys.push(lastFourKey)
    return copy(key)
  }

  function owned(id: string, owner: SubjectRef): Entry | undefined {
    const entry = byId.get(id)
    const key = entry?.key
    return key?.subject === owner.subject && key.subjectKind === owner.subjectKind ? entry : undefined
  }

  return {
    async insert(record: NewApiKeyRecord, now: Date) {
      if (byId.has(record.id) || byHash.has(record.secretHash)) throw new Error('Duplicate key id or secret hash.')
      if (!claimName(record, record.nameKey, now)) throw nameTakenError(record.name)
      return add(record)
    },

    async list(query: ListKeysQuery) {
      // Only the owner's entries are read, newest first; only the page is copied.
      const owner = byOwner.get(ownerKey(query.subjectKind, query.subject))
      const entries = owner?.entries ?? []
      const end = query.offset + query.limit
      if (query.nameKeyContains === '' && query.status === undefined && query.hygiene === undefined) {
        const from = Math.max(0, entries.length - end)
        const to = Math.max(0, entries.length - query.offset)
        const keys = entries.slice(from, to).reverse()
        return { keys: keys.map((entry) => copy(entry.key)), totalCount: entries.length }
      }
      const page: StoredApiKey[] = []
      let totalCount = 0
      for (let i = entries.length - 1; i >= 0; i--) {
        if (owner === undefined || !matchesSearch(owner, i, query.nameKeyContains)) continue
        const entry = entries[i] as Entry
        if (query.status !== undefined && !matchesStatus(entry.key, query.status, query.now)) continue
        if (query.hygiene !== undefined && !matchesHygieneFilter(entry.key, query.hygiene, query.now)) continue
        if (totalCount >= query.offset && totalCount < end) page.push(entry.key)
        totalCount++
      }
      return { keys: page.map(copy), totalCount }
    },

    async get(id: string) {
      const entry = byId.get(id)
      return entry ? copy(entry.key) : null
    },

    async findBySecretHash(secretHash: string) {
      const entry = byHash.get(secretHash)
      return entry ? { key: copy(entry.key), secretHash: entry.secretHash } : null
    },

    async revoke({ id, subject, subjectKind, reason, revokedBy, now }) {
      const entry = owned(id, { subject, subjectKind })
      if (!entry) return null
      if (entry.key.revokedAt === null) {
        entry.key = changed(entry.key, {
          revokedAt: now,
          revocationReason: reason,
          revokedBy: revokedBy ?? undefined,
          updatedAt: now,
        })
      }
      return copy(entry.key)
    },

    async update({ id, subject, subjectKind, name, description, now }) {
      const entry = owned(id, { subject, subjectKind })
      if (!entry) return null
      if (name !== undefined) {
        const holds = entry.holdsName && entry.key.revokedAt === null
        if (holds && !claimName({ subject, subjectKind }, name.nameKey, now, id)) throw nameTakenError(name.name)
        holdersOf({ subject, subjectKind }, entry.nameKey).delete(entry)
        if (holds) holdersOf({ subject, subjectKind }, name.nameKey).add(entry)
        entry.nameKey = name.nameKey
        const keys = byOwner.get(ownerKey(subjectKind, subject))
        if (keys) keys.nameKeys[entry.position] = name.nameKey
        entry.key = changed(entry.key, { name: name.name })
      }
      if (description !== undefined) entry.key = changed(entry.key, { description })
      entry.key = changed(entry.key, { updatedAt: now })
      return copy(entry.key)
    },

    async roll(command: RollKeyCommand) {
      const entry = owned(command.id, command)
      if (!entry) return null
      const old = entry.key
      if (old.revokedAt !== null || isExpired(old, command.now) || !entry.holdsName) throw notRollableError()
      const record = command.replacement(copy(old))
      if (byId.has(record.id) || byHash.has(record.secretHash)) throw new Error('Duplicate key id or secret hash.')
      entry.holdsName = false
      const expiration =
        old.expiration !== null && old.expiration < command.graceEnd ? old.expiration : command.graceEnd
      entry.key = changed(old, { expiration, replacedBy: record.id, updatedAt: command.now })
      if (!claimName(record, record.nameKey, command.now)) {
        entry.key = old
        entry.holdsName = true
        holdersOf(command, entry.nameKey).add(entry) // the claim may have passed over it
        throw nameTakenError(record.name)
      }
      const replacement = add(record, old.id)
      return { previous: copy(entry.key), replacement }
    },

    async touchLastUsed({ id, now, staleAt }) {
      const entry = byId.get(id)
      if (!entry || (entry.key.lastUsedAt !== null && entry.key.lastUsedAt > staleAt)) return false
      entry.key = changed(entry.key, { lastUsedAt: now })
      return true
    },

    async close() {},
  }
}
