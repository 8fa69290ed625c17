/**
 * The keys the server table bench (bench/server-table.ts) stores, the same on every store:
 * - `user_small`: 1,000 keys made through the service (their secrets are what verify presents),
 *   named `key 0` … `key 999`, the subject that lists and searches are timed on at every size;
 * - `user_big`: 10,000 keys named `key 0` … `key 9999` when the table holds at least 100,000;
 * - every other key belongs to one of 10,000 filler users.
 * The two timed subjects' keys are spread through the whole table, as keys made over months would
 * be, not stored side by side: every `stride`-th filler row is `user_big`'s, and `user_small`'s
 * keys are made in ten rounds between the filler batches.
 */
import { createHash } from 'node:crypto'
import type { ApiKeyService } from '../src/server/service/api-key-service'
import type { SqlExecutor } from '../src/server/stores/sql/sql-client'
import type { ApiKeyStore } from '../src/server/stores/types'
import { floorSha256 } from './floor-hash'

/** The subject of 1,000 keys, at every size. */
export const SMALL_SUBJECT = 'user_small'
/** The subject of 10,000 keys, at 100,000 keys and more. */
export const BIG_SUBJECT = 'user_big'
/** Keys of `user_small`. */
export const SMALL_KEYS = 1_000
/** Keys of `user_big`. */
export const BIG_KEYS = 10_000
const ROUNDS = 10
const SQL_BATCH = 100_000
const FILLER_SUBJECTS = 10_000

/** How a table of `total` keys is made up. */
export interface DatasetPlan {
  total: number
  small: number
  big: number
  /** Rows made in bulk (filler and `user_big`). */
  bulk: number
  /** Every `stride`-th bulk row (while `user_big` has fewer than `big`) is `user_big`'s. */
  stride: number
}

/** The make-up of a table of `total` keys (at least 1,000). */
export function planDataset(total: number): DatasetPlan {
  const small = Math.min(SMALL_KEYS, total)
  const big = total >= 10 * BIG_KEYS ? BIG_KEYS : 0
  const bulk = total - small
  return { total, small, big, bulk, stride: big === 0 ? 1 : Math.floor(bulk / big) }
}

/** What a filled store gives the timed runs. */
export interface Dataset {
  /** Secrets of `user_small`'s keys, newest last. */
  secrets: string[]
  /** Seconds the filling took. */
  fillSeconds: number
}

/** Makes the table: bulk rows by `fillRange(from, to)` (inclusive) in ten rounds, each followed by 100 of `user_small`'s keys. */
async function fill(
  plan: DatasetPlan,
  service: ApiKeyService,
  fillRange: (from: number, to: number) => Promise<void>,
): Promise<Dataset> {
  const start = performance.now()
  const secrets: string[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const from = Math.floor((plan.bulk * round) / ROUNDS)
    const to = Math.floor((plan.bulk * (round + 1)) / ROUNDS) - 1
    if (to >= from) await fillRange(from, to)
    const made = Math.floor((plan.small * (round + 1)) / ROUNDS)
    while (secrets.length < made) {
      const name = `key ${secrets.length}`
      secrets.push((await service.create({ subject: SMALL_SUBJECT, name, scopes: ['read'] })).secret)
    }
  }
  return { secrets, fillSeconds: (performance.now() - start) / 1000 }
}

const isBig = (plan: DatasetPlan, g: number): boolean =>
  plan.big > 0 && g % plan.stride === 0 && g / plan.stride < plan.big

/** Fills a memory store through `store.insert` (no hashing of secrets nobody holds). */
export function fillMemory(plan: DatasetPlan, service: ApiKeyService, store: ApiKeyStore): Promise<Dataset> {
  const now = new Date()
  return fill(plan, service, async (from, to) => {
    for (let g = from; g <= to; g++) {
      const big = isBig(plan, g)
      const name = `key ${big ? g / plan.stride : g}`
      await store.insert(
        {
          id: `ak_fill${g}`,
          subject: big ? BIG_SUBJECT : `user_fill_${g % FILLER_SUBJECTS}`,
          subjectKind: 'user',
          name,
          nameKey: name,
          description: null,
          claims: null,
          scopes: [],
          createdAt: now,
          createdBy: null,
          expiration: null,
          prefix: 'sk_',
          lastFour: createHash('md5').update(String(g)).digest('hex').slice(0, 4),
          secretHash: floorSha256(`fill ${g}`),
        },
        now,
      )
    }
  })
}

/** Fills a SQL store's `api_keys` with `generate_series` in the database, in batches. */
export function fillSql(plan: DatasetPlan, service: ApiKeyService, db: SqlExecutor): Promise<Dataset> {
  return fill(plan, service, async (from, to) => {
    for (let batch = from; batch <= to; batch += SQL_BATCH) {
      await db.query(
        `INSERT INTO api_keys (id, subject, subject_kind, name, name_key, secret_hash, prefix, last_four,
           created_at, updated_at)
         SELECT 'ak_fill' || g, CASE WHEN big THEN $4 ELSE 'user_fill_' || (g % ${FILLER_SUBJECTS}) END, 'user',
           'key ' || CASE WHEN big THEN g / $3 ELSE g END, 'key ' || CASE WHEN big THEN g / $3 ELSE g END,
           encode(sha256(convert_to('fill ' || g, 'UTF8')), 'hex'), 'sk_', substr(md5(g::text), 1, 4), now(), now()
         FROM (SELECT g, $5::int > 0 AND g % $3 = 0 AND g / $3 < $5::int AS big
               FROM generate_series($1::bigint, $2::bigint) AS g) AS rows`,
        [batch, Math.min(to, batch + SQL_BATCH - 1), plan.stride, BIG_SUBJECT, plan.big],
      )
    }
  })
}
