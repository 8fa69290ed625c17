import type { ApiKeysErrorCode, ValidatedField, ValidationReason } from '../core/errors'
import type { APIKeyStatus } from '../core/key-status'

/** The units of a relative date, from the largest; 'second' comes only with 0 ("now"). */
export type RelativeTimeUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second'

/**
 * Every string the components show. Functions take the values they interpolate.
 *
 * Which text a user sees, the one rule: the components show only sentences from this table, chosen
 * by an error's `code` (`errors`), by what the action was about (`duplicateName`, `quotaExceeded`)
 * and by each refused field's `field` and `reason` (`validation`). They never show an error's own
 * `message`: that is English for developers, logs and the server's problem `detail`, specific where
 * the kit knows more ("This backend does not support rolling API keys."), and otherwise the English
 * sentence of this table for its code (`enErrorMessages`, which `enMessages.errors` is). So every
 * sentence is written once, here and in each language, and a user never reads a backend's text.
 */
export interface Messages {
  /**
   * A relative date: `amount` units from now, negative in the past ("3 days ago", "in 2 hours", "now"
   * for 0). `intlRelativeTime(locale)` gives one from `Intl` for a language the kit has no strings for.
   */
  relativeTime: (amount: number, unit: RelativeTimeUnit) => string
  // Manager header and table
  searchLabel: string
  searchPlaceholder: string
  statusFilterLabel: string
  statusFilterAll: string
  statusFilterActive: string
  statusFilterExpired: string
  statusFilterRevoked: string
  createButton: string
  tableCaption: string
  columnName: string
  columnKey: string
  columnStatus: string
  columnCreated: string
  columnExpires: string
  columnLastUsed: string
  columnActions: string
  status: Record<APIKeyStatus, string>
  revokedBecause: (reason: string) => string
  neverExpires: string
  neverUsed: string
  /** The visible label of a row's revoke button; its accessible name is `revokeAction(name, lastFour)`. */
  revoke: string
  revokeAction: (name: string, lastFour: string) => string
  /** The visible label of a row's roll button; its accessible name is `rollAction(name, lastFour)`. */
  roll: string
  rollAction: (name: string, lastFour: string) => string
  /** The visible label of a row's details button; its accessible name is `detailsAction(name, lastFour)`. */
  details: string
  detailsAction: (name: string, lastFour: string) => string
  /**
   * The accessible name of a key's name in the table, a button that opens its details: the name as
   * shown, first, then its last four, so that the two keys of one name that a roll leaves differ.
   * In this and the row actions' names, `lastFour` is empty when the backend tells none (Clerk's).
   */
  keyNameLabel: (name: string, lastFour: string) => string
  /** A rolled key's revoke button: the old key still works until its grace period ends. */
  revokeNow: string
  revokeNowAction: (name: string, lastFour: string) => string
  /**
   * Where a revoked key's expiry stood: `when` is a relative date in the past or "now", from
   * `relativeTime` ("Revoked 15 days ago", "Revoked yesterday", "Revoked now").
   */
  revokedWhen: (when: string) => string
  /** A revoked key's reason, shown in its row. */
  revocationReason: (reason: string) => string
  /** A rolled key still in its grace period: when it stops, and the masked key that replaced it (null when no loaded page holds it). */
  rollingOver: (stops: string, replacement: string | null) => string
  loading: string
  emptyTitle: string
  emptyBody: string
  noMatches: (query: string) => string
  noFilterMatches: string
  clearSearch: string
  /** The empty state when a search and a status filter together hide every key. */
  noMatchesWithStatus: (query: string, status: string) => string
  clearStatus: string
  clearSearchAndStatus: string
  /** What the manager's live region says when a search or filter has its answer. */
  searchResults: (count: number) => string
  keyCreated: (name: string) => string
  keyRevoked: (name: string) => string
  keyRolled: (name: string) => string
  loadError: string
  retry: string
  /** Shown in place of a dialog (or the details sheet) whose code could not be downloaded, with Reload page and Close. */
  dialogLoadError: string
  /** The button beside `dialogLoadError`: a reload is what fetches a failed chunk again in every browser. */
  reloadPage: string
  pagination: (from: number, to: number, total: number) => string
  paginationLabel: string
  previousPage: string
  nextPage: string
  // Create dialog
  createTitle: string
  createDescription: string
  nameLabel: string
  namePlaceholder: string
  descriptionLabel: string
  descriptionPlaceholder: string
  optional: string
  expirationLabel: string
  expirationNever: string
  expirationDays: (days: number) => string
  expirationYear: string
  expirationCustom: string
  customDateLabel: string
  expiresOn: (date: string) => string
  expiresNever: string
  scopesLabel: string
  cancel: string
  createSubmit: string
  creating: string
  // Reveal dialog
  revealTitle: (name: string) => string
  revealDescription: string
  secretLabel: string
  copy: string
  copied: string
  copyFailed: string
  downloadEnv: string
  savedCheckbox: string
  done: string
  // Revoke dialog
  revokeTitle: (name: string) => string
  revokeDescription: string
  reasonLabel: string
  reasonPlaceholder: string
  revokeSubmit: string
  revoking: string
  // Roll dialog
  rollTitle: (name: string) => string
  rollDescription: string
  gracePeriodLabel: string
  graceNow: string
  graceMinutes: (minutes: number) => string
  graceHours: (hours: number) => string
  graceDays: (days: number) => string
  rollSubmit: string
  rolling: string
  /** Cancel's label when the dialog's action can no longer be done (the key is gone). */
  close: string
  // What a revoke or roll will break, in its dialog
  neverUsedNote: string
  lastUsedRecently: (relative: string) => string
  lastUsedAt: (relative: string) => string
  rollOldStopsNow: string
  rollOldStopsAt: (dateTime: string) => string
  rollNewExpiresAt: (dateTime: string) => string
  rollNewNeverExpires: string
  // Account settings and teams
  // Reveal dialog, details view and hygiene summary (issue 16)
  /** The one-time warning of the reveal dialog, shown as a callout. */
  revealWarning: string
  /** Why Done is disabled, shown under it until the box is ticked. */
  doneDisabledHint: string
  detailsDescription: string
  keyId: string
  copyKeyId: string
  keyIdCopied: string
  /** Shown when the browser refuses to copy the key ID: how to copy it by hand (as `copyFailed` for a secret). */
  keyIdCopyFailed: string
  createdBy: string
  /** The creator when it is the signed-in user, standing alone in the team table's "Created by" column. */
  createdByYou: string
  /**
   * The signed-in user as the value of "Created by" or "Revoked by" in a key's details, read on from
   * the term ("You"; German needs the dative there, "Gesperrt von Ihnen").
   */
  youAfterBy: string
  noScopes: string
  noDescription: string
  revokedAt: string
  /** Who revoked a key (named as its creator is: the app's name, "You", a team, or the id). */
  revokedBy: string
  noReason: string
  /** The key a rolled key was replaced by, and the key a replacement replaced. */
  replacedBy: string
  rolledFrom: string
  /** The accessible name of a button that switches the details to another key (`sk_…qeUS`). */
  showKeyDetails: (maskedKey: string) => string
  edit: string
  editName: string
  editDescription: string
  save: string
  saving: string
  keyUpdated: (name: string) => string
  hygieneLabel: string
  hygieneExpiringThisWeek: (count: number) => string
  hygieneUnused: (count: number) => string
  /** Says the summary counts only the keys the page shows. */
  hygieneScope: string
  hygieneShowAll: string
  /** Where the summary would be when the counts over every key could not be had. */
  hygieneCountsFailed: string
  accountSettingsTitle: string
  settingsTabsLabel: string
  apiKeysTab: string
  teamApiKeysTitle: (teamName: string) => string
  // Errors
  /** What a failed request says, by its code: the sentence a user reads for any error. */
  errors: Record<ApiKeysErrorCode, string>
  duplicateName: (name: string) => string
  quotaExceeded: string
  field: Record<ValidatedField, string>
  validation: (field: string, reason: ValidationReason, limit?: number) => string
}

/** Overrides for some or all of the {@link Messages}; nested records may be given in part. */
export type LocalizationOverrides = {
  [K in keyof Messages]?: Messages[K] extends Record<string, string> ? Partial<Messages[K]> : Messages[K]
}
