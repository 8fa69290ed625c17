// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { randomBase62 } from '../../src/core/base62'
import { createEmbeddedStore } from '../../src/server/stores/embedded-store'
import { createPostgresStore } from '../../src/server/stores/postgres-store'
import { isolatedSchemas, PG_URL } from './pg-env'
import { describeSqlStoreSuites, type SqlTestDatabase } from './store-contract'

const freshSchema = (): string => `rak_names_${randomBase62(10).toLowerCase()}`

const dirs: string[] = []
afterAll(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

/** A fresh PGlite data directory; the app's statements run on PGlite itself while no store has it open. */
describeSqlStoreSuites('embedded (PGlite)', async (): Promise<SqlTestDatabase> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'rak-names-'))
  dirs.push(dataDir)
  return {
    async sql(text) {
      const db = await PGlite.create({ dataDir })
      try {
        return ((await db.exec(text)).at(-1)?.rows ?? []) as Record<string, unknown>[]
      } finally {
        await db.close()
      }
    },
    open: (location) => createEmbeddedStore({ dataDir, ...location }),
    freshSchema,
  }
})

const schemas = isolatedSchemas()
const madeSchemas: string[] = []
afterAll(async () => {
  if (madeSchemas.length > 0) {
    const admin = new pg.Client({ connectionString: PG_URL })
    await admin.connect()
    for (const schema of madeSchemas.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.end()
  }
  await schemas.dropAll()
})

/** A fresh schema of its own on the real PostgreSQL (its `search_path`), and any schema a test names. */
describeSqlStoreSuites(
  'postgres',
  async (): Promise<SqlTestDatabase> => {
    const pool = await schemas.pool()
    return {
      async sql(text) {
        const result = (await pool.query(text)) as unknown as pg.QueryResult | pg.QueryResult[]
        const last = Array.isArray(result) ? result.at(-1) : result
        return (last?.rows ?? []) as Record<string, unknown>[]
      },
      open: (location) => createPostgresStore({ pool, ...location }),
      freshSchema() {
        const schema = freshSchema()
        madeSchemas.push(schema)
        return schema
      },
    }
  },
  { skip: PG_URL === '' },
)
