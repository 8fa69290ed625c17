// Public API of react-api-keys. Everything a user may import is exported here, and only here.

// Core: types, status, key format, errors, validation (no React)
/** One API key as the kit sees it (Clerk's fields plus `prefix` and `lastFour`), pages, teams and subjects. */
export type {
  APIKeyResource,
  CreatedAPIKey,
  APIKeysPage,
  APIKeyStatusFilter,
  SubjectKind,
  TeamInfo,
} from './core/types'
/** The permission a user needs in a team to manage its keys: `$manage_api_keys`. */
export { MANAGE_API_KEYS_PERMISSION } from './core/types'
/** A key's status at a moment, whether it passes a status filter, and the "expires soon" threshold (7 days). */
export {
  getKeyStatus,
  isExpiredAt,
  isUsableStatus,
  matchesStatusFilter,
  EXPIRES_SOON_MS,
  type APIKeyStatus,
} from './core/key-status'
/** Issue and check secrets in the kit's format: prefix, 128+ random bits in base62, CRC-32 checksum. */
export {
  generateApiKey,
  isWellFormedApiKey,
  isValidKeyPrefix,
  keyPrefixOf,
  lastFourOf,
  redactSecrets,
  DEFAULT_KEY_PREFIX,
  type WellFormedOptions,
} from './core/key-format'
/** SHA-256 of a secret as hex: what a backend stores instead of the secret. */
export { sha256Hex } from './core/hash'
/** The kit's one error type, its codes, and the mapping from anything thrown. */
export {
  ApiKeysError,
  isApiKeysError,
  toApiKeysError,
  type ApiKeysErrorCode,
  type ApiKeysErrorOptions,
  type ValidationIssue,
  type ValidatedField,
  type ValidationReason,
} from './core/errors'
/** Input validation shared by the hooks, the memory backend and the server. */
export {
  validateCreateInput,
  validateUpdateInput,
  validateRevocationReason,
  validateGracePeriod,
  secondsUntil,
  MAX_NAME_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_REASON_LENGTH,
  MAX_SECONDS_UNTIL_EXPIRATION,
  MAX_SCOPES,
  MAX_GRACE_PERIOD_SECONDS,
  type CreateKeyInput,
  type ValidCreateKeyInput,
  type UpdateKeyInput,
} from './core/validation'
/** Stack Auth's key objects, built from the kit's resources. */
export {
  toStackApiKey,
  whyKeyInvalid,
  type StackApiKey,
  type FirstViewStackApiKey,
  type StackKeyInvalidReason,
  type StackKeyActions,
} from './core/stack-key'
/** The fetcher contract: implement it to put the kit on your backend. */
export type {
  ApiKeysFetcher,
  SubjectParams,
  ListKeysParams,
  CreateKeyParams,
  RevokeKeyParams,
  UpdateKeyParams,
  RollKeyParams,
  RollKeyResult,
  FetcherSupports,
} from './core/fetcher'

// Fetchers
/** The embedded in-memory backend, with controls for latency and failures. */
export {
  createMemoryFetcher,
  type MemoryFetcher,
  type MemoryFetcherOptions,
  type MemorySeedKey,
  type MemoryMethod,
  type SimulatedFailure,
} from './fetchers/memory-fetcher'

// React bindings
/** The Provider that scopes every hook and component to a fetcher, a user and a cache. */
export { APIKeysProvider, type APIKeysProviderProps } from './react/provider'
/** The Provider on the kit's HTTP API from plain props, which a Next.js server component can render. */
export { APIKeysRestProvider, type APIKeysRestProviderProps, type TextOverrides } from './react/rest-provider'
/** The kit's query keys, for apps that share their QueryClient and want to refresh or read the cache. */
export { apiKeysQueryKeys } from './client/query-keys'
/** The kit's changes as mutations: their `mutationKey`, what they cache (never a secret) and the Provider's callbacks. */
export {
  apiKeysMutationKey,
  type KeyMutationAction,
  type KeyMutationSuccess,
  type KeyMutationFailure,
  type KeyMutationCallbacks,
} from './client/key-mutation'
/** A subject's keys a page at a time, in Clerk's shape. */
export { useAPIKeys, type UseAPIKeysParams, type UseAPIKeysResult } from './react/use-api-keys'
/** The imperative API in Clerk's shape: getAll, create, revoke (plus update and roll). */
export {
  useAPIKeysClient,
  type APIKeysClient,
  type GetAPIKeysParams,
  type CreateAPIKeyParams,
  type RevokeAPIKeyParams,
  type UpdateAPIKeyParams,
  type RollAPIKeyParams,
} from './react/use-api-keys-client'
/** Stack-style hooks: the user's and a team's keys as objects, and the create function. */
export { useApiKeys, useTeamApiKeys, useCreateApiKey, type CreateStackApiKeyOptions } from './react/use-stack-api-keys'

// Localization
/** The components' strings, overrides for some of them, and the units of a relative date. */
export type { Messages, LocalizationOverrides, RelativeTimeUnit } from './i18n/messages'
/** The kit's English strings. */
export { enMessages } from './i18n/en'
/** The kit's German strings. */
export { deMessages } from './i18n/de'
/** Relative dates from `Intl` for a language the kit has no strings for: `relativeTime: intlRelativeTime('fr')`. */
export { intlRelativeTime } from './i18n/intl-relative-time'
/** Merge localization overrides into a full set of messages. */
export { mergeMessages, useMessages, useLocale } from './react/use-localization'
/** A team from the Provider's `teams`, and whether the user may manage its keys (for showing UI only). */
export { useTeam, useCurrentUserId, type TeamAccess } from './react/use-team'

// Components: built on the kit's React bindings and client actions, never on a fetcher. Besides the
// public hooks above they use internal ones that are not part of the API (usePagedAPIKeys, the paged
// list without infinite mode; useBoundAction and useSupports, single actions of useAPIKeysClient;
// useApiKeysContext) and the React-free actions of src/client (createKey, revokeKey, rollKey...).
/** The complete API keys screen: search, status filter, table, paging and every dialog. */
export { APIKeysManager, type APIKeysManagerProps, type ManagerStatusFilter } from './components/APIKeysManager'
/** Account settings with an accessible tab list and an API Keys tab. */
export { AccountSettings, type AccountSettingsProps, type SettingsTab } from './components/AccountSettings'
/** A team's API keys, shown only to members who hold `$manage_api_keys`. */
export { TeamApiKeysSection, type TeamApiKeysSectionProps } from './components/TeamApiKeysSection'
// The dialogs and the details sheet are exported as their on-demand versions (same props): nothing
// imported statically reaches their code or Radix Dialog, so every bundler leaves them out of the first paint.
/** The create dialog, for custom flows (loaded on demand). */
export { LazyCreateApiKeyDialog as CreateApiKeyDialog } from './components/manager/lazy-dialogs'
export type { CreateApiKeyDialogProps } from './components/dialogs/CreateApiKeyDialog'
/** The one-time secret dialog, for custom flows (loaded on demand). */
export { LazySecretRevealDialog as SecretRevealDialog } from './components/manager/lazy-dialogs'
export type { SecretRevealDialogProps, RevealedKey } from './components/dialogs/SecretRevealDialog'
/** The revoke confirmation with an optional reason, for custom flows (loaded on demand). */
export { LazyRevokeApiKeyDialog as RevokeApiKeyDialog } from './components/manager/lazy-dialogs'
export type { RevokeApiKeyDialogProps } from './components/dialogs/RevokeApiKeyDialog'
/** The roll dialog with a grace period, for custom flows (loaded on demand). */
export { LazyRollApiKeyDialog as RollApiKeyDialog } from './components/manager/lazy-dialogs'
export type { RollApiKeyDialogProps } from './components/dialogs/RollApiKeyDialog'
/** Loads the dialogs and details sheet ahead of time (all, or those named); the manager does so when the browser is idle. */
export {
  loadDialogs as preloadApiKeyDialogs,
  type DialogName as ApiKeyDialogName,
} from './components/manager/lazy-dialogs'
/** The create dialog's expiration choices. */
export { DEFAULT_EXPIRATION_OPTIONS, type ExpirationOption } from './components/dialogs/expiration'
/** A key's status as a badge. */
export { StatusBadge, type StatusBadgeProps } from './components/manager/StatusBadge'
/** A key's details in a side sheet (full screen on a phone), editable in place, with Roll and Revoke (loaded on demand). */
export { LazyKeyDetailsSheet as KeyDetailsSheet } from './components/manager/lazy-dialogs'
export type { KeyDetailsSheetProps } from './components/details/KeyDetailsSheet'
/** How the details view names a key's creator: the app's callback from a user id to a name. */
export type { ResolveUser } from './components/details/creator-name'
/** "2 keys expire this week", "3 keys unused for 90 days" over the loaded keys, each a filter. */
export { HygieneSummary, type HygieneSummaryProps } from './components/manager/HygieneSummary'
/** A scope the app offers: a value, or `{ value, label, description }`. */
export type { ScopeOption } from './components/shared/scope-option'
/** Which keys need a look: expiring within 7 days, unused for 90 days (React-free). */
export {
  expiresThisWeek,
  unusedFor90Days,
  matchesHygiene,
  hygieneCounts,
  UNUSED_AFTER_MS,
  HYGIENE_FILTERS,
  type HygieneFilter,
} from './core/key-hygiene'
/** Whether a key can be rolled: it works and was not rolled already. */
export { isRollable } from './core/key-rollable'
/** Per-part class names of the manager. */
export type { ClassNames, ManagerPart } from './components/shared/class-names'

// Fetchers for real backends
/** A fetcher for the kit's own HTTP API (`createApiKeysHandler` of `react-api-keys/server`), with every method. */
export { createRestFetcher, type RestFetcherOptions, type RestFetcherHeaders } from './fetchers/rest-fetcher'
/** A fetcher for Stack Auth's client REST API: user and team keys, searched and paged on the client. */
export { createStackFetcher, type StackFetcherOptions } from './fetchers/stack-fetcher'
/** A fetcher for Clerk's API key endpoints, as Clerk's SDK calls them. */
export { createClerkFetcher, type ClerkFetcherOptions } from './fetchers/clerk-fetcher'
/** The `fetch` signature the fetchers accept, for a custom or instrumented `fetch`. */
export type { FetchFunction } from './fetchers/http/request'
