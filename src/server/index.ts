/**
 * `react-api-keys/server`: issue, store, verify and serve API keys in any runtime with the Fetch
 * API and Web Crypto. Server code only: nothing here imports React.
 */

/** Creates the service that issues, lists, revokes, updates, rolls and verifies keys over a store. */
export { createApiKeyService } from './service/api-key-service'
/** Options, inputs and the shape of the service. */
export type {
  ApiKeyService,
  ApiKeyServiceOptions,
  CreateApiKeyInput,
  ListApiKeysInput,
  KeyRef,
} from './service/api-key-service'
/** Whose keys a service call is about: a subject id and its kind (`user` by default, `team` for a team's). */
export type { SubjectInput } from './service/api-key-service'
/** What `verify` answers and accepts. */
export type { VerifyResult, VerifyFailureCode, VerifyOptions } from './service/verify'
/** How `verify` remembers store answers: TTL and size (`createApiKeyService({ verifyCache })`). */
export type { VerifyCacheOptions } from './service/verify-cache'
/** A clock in milliseconds since the epoch, injectable for tests. */
export type { Clock } from './service/clock'
/** The SHA-256 function the service stores and looks secrets up by. */
export type { SecretHasher } from './service/secret-hash'
/** Picks the fastest SHA-256 of the runtime (node:crypto where present, else Web Crypto). */
export { createSecretHasher } from './service/secret-hash'
/** An in-process token bucket per caller (the handler's default create-and-roll limit; one process). */
export { createRateLimiter } from './service/rate-limiter'
/** A rate limiter (in process or shared), its options and its answers. */
export type { RateLimiter, RateLimitOptions, RateLimitDecision } from './service/rate-limiter'
/** A create-and-roll limit that holds across every instance on one PostgreSQL (one UPSERT per take). */
export { createPostgresRateLimiter } from './stores/postgres-rate-limiter'
/** Options of the shared PostgreSQL rate limiter. */
export type { PostgresRateLimiterOptions } from './stores/postgres-rate-limiter'
/** Limits of list requests (page size, search length, subject length). */
export { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, MAX_QUERY_LENGTH, MAX_SUBJECT_LENGTH } from './service/list-params'
/** Largest claims object accepted, as JSON characters. */
export { MAX_CLAIMS_JSON_LENGTH } from './service/claims'

/** The persistence contract every store implements. */
export type { ApiKeyStore, StoredApiKey, NewApiKeyRecord, ListKeysQuery, RollKeyCommand } from './stores/types'
/** Key changes a store hears from other processes (`subscribeToChanges`), for verify caches. */
export type { KeyChange, KeyChangeListener, KeyChangeSubscription } from './stores/types'
/** The owner of keys in a store: a subject id and its kind; a user and a team with one id are two owners. */
export type { SubjectRef } from './stores/types'
/** Keys in process memory, for tests and demos. */
export { createMemoryStore } from './stores/memory-store'
/** The durable store without a server: PGlite persisted to a directory (needs `@electric-sql/pglite`). */
export { createEmbeddedStore } from './stores/embedded-store'
/** Options of the embedded store. */
export type { EmbeddedStoreOptions } from './stores/embedded-store'
/** The store for many machines: PostgreSQL through `pg` (needs `pg`). */
export { createPostgresStore } from './stores/postgres-store'
/** Options of the PostgreSQL store and the part of `pg` it uses. */
export type { PostgresStoreOptions, PgPoolLike, PgPoolClientLike, PgResultLike } from './stores/postgres-store'
/** Told of idle PostgreSQL connections that fail, and the pool and client events the store listens to. */
export type { PgConnectionErrorListener, PgErrorEvents, PgPoolEvents } from './stores/postgres-store'
/** A database error of a SQL store, safe to log (no parameters, no failing row): `unavailable` or `failed`. */
export { StoreError, isStoreUnavailable } from './stores/errors'
/** Why a SQL store failed: the database could not be reached, or it refused a statement. */
export type { StoreErrorCode } from './stores/errors'
/** The SQL schema migrations shared by the embedded and PostgreSQL stores, in order. */
export { MIGRATIONS } from './stores/sql/migrations'
/** One versioned schema migration. */
export type { Migration } from './stores/sql/migrations'
/** Where a SQL store keeps its tables: a `schema` and/or a `tablePrefix` (default `api_keys`, no schema). */
export type { SqlLocation } from './stores/sql/names'

/** Creates the Fetch API handler of the kit's HTTP API (list, create, get, update, revoke, roll). */
export { createApiKeysHandler } from './http/handler'
/** Options of the handler and the Fetch handler type. */
export type { ApiKeysHandlerOptions, FetchHandler } from './http/handler'
/** Who calls the handler, and how your app tells. */
export type { ApiKeysCaller, Authenticate } from './http/caller'
/** Whether a caller may manage an owner's keys, by kind and id (their own, or a team's with `$manage_api_keys`). */
export { canManageSubject } from './http/caller'
/** The owner `canManageSubject` is asked about. */
export type { SubjectTarget } from './http/caller'
/** What the handler tells `onError` when `authenticate` returns something that is not a caller (answered 500). */
export { InvalidCallerError } from './http/caller'
/** Guards your own endpoints with an API key: the key's subject and scopes, or a 401/403 problem Response. */
export { requireApiKey, readPresentedKey } from './http/require-api-key'
/** Options and result of `requireApiKey`. */
export type { RequireApiKeyOptions, VerifiedApiKey, RequestHeaders } from './http/require-api-key'
/** `requireApiKey` as Node `http` / Express middleware, without Fetch objects: the key on `req.apiKey`. */
export { requireApiKeyMiddleware } from './http/require-api-key-middleware'
/** The middleware's type and the request it passes on. */
export type { ApiKeyMiddleware, ApiKeyRequest } from './http/require-api-key-middleware'
/** Serves a Fetch handler from Node's `http` server or Express. */
export { toNodeHandler } from './http/node-adapter'
/** Options and listener type of the Node adapter. */
export type { NodeHandlerOptions, NodeRequestListener } from './http/node-adapter'
/** The problem+json body the kit answers errors with. */
export type { ProblemBody, ProblemIssue } from './http/problem'
/** The largest request body the handler reads (16 KiB). */
export { MAX_BODY_BYTES } from './http/body'
