import {
  createApiKeyService,
  createApiKeysHandler,
  createEmbeddedStore,
  type FetchHandler,
} from 'react-api-keys/server'
import { currentUser } from './session'

/** Where the embedded store keeps its data (`API_KEYS_DATA_DIR` to change it). */
const DATA_DIR = process.env.API_KEYS_DATA_DIR ?? '.data/api-keys'

// One store per process: a data directory may be opened once. `next dev` re-evaluates modules on every
// change, so the handler lives on globalThis, which survives those reloads.
const kept = globalThis as typeof globalThis & { apiKeysHandler?: Promise<FetchHandler> }

async function createHandler(): Promise<FetchHandler> {
  const service = createApiKeyService({ store: await createEmbeddedStore({ dataDir: DATA_DIR }) })
  return createApiKeysHandler({
    service,
    basePath: '/api',
    // The same user the page sees; null answers 401.
    authenticate: async () => {
      const user = await currentUser()
      return user && { userId: user.id }
    },
  })
}

/** The kit's HTTP API on the embedded store, made once per process. */
export function apiKeysHandler(): Promise<FetchHandler> {
  kept.apiKeysHandler ??= createHandler().catch((error: unknown) => {
    kept.apiKeysHandler = undefined // let the next request try again
    throw error
  })
  return kept.apiKeysHandler
}
