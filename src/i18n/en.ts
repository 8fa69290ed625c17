import { enErrorMessages } from './en-errors'
import type { Messages } from './messages'
import { namedKey } from './named-key'

/** The kit's English strings, the default. */
export const enMessages: Messages = {
  relativeTime: (amount, unit) => {
    if (unit === 'day' && (amount === 1 || amount === -1)) return amount < 0 ? 'yesterday' : 'tomorrow'
    const count = `${Math.abs(amount)} ${unit}${amount === 1 || amount === -1 ? '' : 's'}`
    return amount < 0 ? `${count} ago` : amount ? `in ${count}` : 'now'
  },
  searchLabel: 'Search keys',
  searchPlaceholder: 'Search by name',
  statusFilterLabel: 'Status',
  statusFilterAll: 'All',
  statusFilterActive: 'Active',
  statusFilterExpired: 'Expired',
  statusFilterRevoked: 'Revoked',
  createButton: 'Create API key',
  tableCaption: 'API keys',
  columnName: 'Name',
  columnKey: 'Key',
  columnStatus: 'Status',
  columnCreated: 'Created',
  columnExpires: 'Expires',
  columnLastUsed: 'Last used',
  columnActions: 'Actions',
  status: { active: 'Active', 'expiring-soon': 'Expires soon', expired: 'Expired', revoked: 'Revoked' },
  revokedBecause: (reason) => `Revoked: ${reason}`,
  neverExpires: 'Never',
  neverUsed: 'Never',
  revoke: 'Revoke',
  revokeAction: (name, lastFour) => `Revoke ${namedKey(name, lastFour)}`,
  roll: 'Roll',
  rollAction: (name, lastFour) => `Roll ${namedKey(name, lastFour)}`,
  details: 'Details',
  detailsAction: (name, lastFour) => `Details of ${namedKey(name, lastFour)}`,
  keyNameLabel: namedKey,
  revokeNow: 'Revoke now',
  revokeNowAction: (name, lastFour) => `Revoke now: ${namedKey(name, lastFour)}`,
  revokedWhen: (when) => `Revoked ${when}`,
  revocationReason: (reason) => `Reason: ${reason}`,
  rollingOver: (stops, replacement) =>
    `Rolling over: stops ${stops} → ${replacement ? `replaced by ${replacement}` : 'replaced by a new key'}`,
  loading: 'Loading API keys…',
  emptyTitle: 'No API keys yet',
  emptyBody: 'Create a key to let scripts and services call the API on your behalf.',
  noMatches: (query) => `No keys match “${query}”.`,
  noFilterMatches: 'No keys have this status.',
  clearSearch: 'Clear search',
  noMatchesWithStatus: (query, status) => `No keys with status “${status}” match “${query}”.`,
  clearStatus: 'Show all statuses',
  clearSearchAndStatus: 'Clear search and filter',
  searchResults: (count) => (count === 0 ? 'No keys found.' : count === 1 ? '1 key found.' : `${count} keys found.`),
  keyCreated: (name) => `Key “${name}” created.`,
  keyRevoked: (name) => `Key “${name}” revoked.`,
  keyRolled: (name) => `Key “${name}” rolled.`,
  loadError: 'The API keys could not be loaded.',
  retry: 'Retry',
  dialogLoadError:
    'This window could not be loaded: the connection may have dropped, or the app has been updated. Reload the page to try again.',
  reloadPage: 'Reload page',
  pagination: (from, to, total) => `Showing ${from}–${to} of ${total}`,
  paginationLabel: 'Pages',
  previousPage: 'Previous',
  nextPage: 'Next',
  createTitle: 'Create API key',
  createDescription: 'The secret is shown once, right after you create the key.',
  nameLabel: 'Name',
  namePlaceholder: 'e.g. Production server',
  descriptionLabel: 'Description',
  descriptionPlaceholder: 'What is this key for?',
  optional: 'optional',
  expirationLabel: 'Expiration',
  expirationNever: 'Never',
  expirationDays: (days) => (days === 1 ? '1 day' : `${days} days`),
  expirationYear: '1 year',
  expirationCustom: 'Custom date',
  customDateLabel: 'Expiration date',
  expiresOn: (date) => `Expires on ${date}`,
  expiresNever: 'Never expires',
  scopesLabel: 'Scopes',
  cancel: 'Cancel',
  createSubmit: 'Create key',
  creating: 'Creating…',
  revealTitle: (name) => `Save your key “${name}”`,
  revealDescription: 'Copy this key and store it somewhere safe. For your security it will not be shown again.',
  secretLabel: 'API key',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copying was blocked by the browser. Select the key and copy it by hand.',
  downloadEnv: 'Download .env',
  savedCheckbox: 'I have saved this key',
  done: 'Done',
  revokeTitle: (name) => `Revoke “${name}”?`,
  revokeDescription: 'Scripts and services that use this key will be refused at once. This cannot be undone.',
  reasonLabel: 'Reason',
  reasonPlaceholder: 'e.g. Leaked in a log file',
  revokeSubmit: 'Revoke key',
  revoking: 'Revoking…',
  rollTitle: (name) => `Roll “${name}”?`,
  rollDescription:
    'A new secret replaces this key. The old secret keeps working for the grace period you choose, then expires.',
  gracePeriodLabel: 'Old key keeps working for',
  graceNow: 'No grace period (expires now)',
  graceMinutes: (minutes) => `${minutes} minutes`,
  graceHours: (hours) => (hours === 1 ? '1 hour' : `${hours} hours`),
  graceDays: (days) => (days === 1 ? '1 day' : `${days} days`),
  rollSubmit: 'Roll key',
  rolling: 'Rolling…',
  close: 'Close',
  neverUsedNote: 'Never used.',
  lastUsedRecently: (relative) => `Last used ${relative}: something still uses this key.`,
  lastUsedAt: (relative) => `Last used ${relative}.`,
  rollOldStopsNow: 'The old secret stops working at once.',
  rollOldStopsAt: (dateTime) => `The old secret stops working on ${dateTime}.`,
  rollNewExpiresAt: (dateTime) => `The new key expires on ${dateTime}.`,
  rollNewNeverExpires: 'The new key never expires.',
  revealWarning: 'This is the only time the key is shown. Once you close this dialog it cannot be shown again.',
  doneDisabledHint: 'Tick “I have saved this key” first.',
  detailsDescription: 'Everything about this key except its secret.',
  keyId: 'Key ID',
  copyKeyId: 'Copy key ID',
  keyIdCopied: 'Key ID copied',
  keyIdCopyFailed: 'Copying was blocked by the browser. Select the key ID and copy it by hand.',
  createdBy: 'Created by',
  createdByYou: 'You',
  youAfterBy: 'You',
  noScopes: 'No scopes',
  noDescription: 'No description',
  revokedAt: 'Revoked',
  revokedBy: 'Revoked by',
  noReason: 'No reason given',
  replacedBy: 'Replaced by',
  rolledFrom: 'Replaces',
  showKeyDetails: (maskedKey) => `Show details of ${maskedKey}`,
  edit: 'Edit',
  editName: 'Edit name',
  editDescription: 'Edit description',
  save: 'Save',
  saving: 'Saving…',
  keyUpdated: (name) => `Key “${name}” updated.`,
  hygieneLabel: 'Key hygiene',
  hygieneExpiringThisWeek: (count) => (count === 1 ? '1 key expires this week' : `${count} keys expire this week`),
  hygieneUnused: (count) => (count === 1 ? '1 key unused for 90 days' : `${count} keys unused for 90 days`),
  hygieneScope: 'Counted among the keys on this page.',
  hygieneShowAll: 'Show all keys',
  hygieneCountsFailed: 'Keys that expire soon or go unused could not be counted.',
  accountSettingsTitle: 'Account settings',
  settingsTabsLabel: 'Settings',
  apiKeysTab: 'API Keys',
  teamApiKeysTitle: (teamName) => `${teamName} API keys`,
  errors: enErrorMessages,
  duplicateName: (name) => `An active key named “${name}” already exists. Choose another name.`,
  quotaExceeded:
    'You cannot create another API key here: you may be at your limit or lack permission. Revoke an unused key or ask an admin.',
  field: {
    name: 'Name',
    description: 'Description',
    secondsUntilExpiration: 'Expiration',
    scopes: 'Scopes',
    claims: 'Claims',
    revocationReason: 'Reason',
    gracePeriodSeconds: 'Grace period',
  },
  validation: (field, reason, limit) => {
    switch (reason) {
      case 'required':
        return `${field} is required.`
      case 'too_long':
        return `${field} must be at most ${limit ?? ''} characters.`
      case 'too_many':
        return `Choose at most ${limit ?? ''} ${field.toLowerCase()}.`
      case 'in_past':
        return `${field} must be in the future.`
      case 'too_far':
        return `${field} must be within 10 years.`
      case 'not_visible':
        return `${field} must contain a visible character.`
      case 'direction_control':
        return `${field} must not contain characters that change the text direction.`
      case 'line_break':
        return `${field} must not contain a line break.`
      case 'stacked_marks':
        return `${field} must not stack more than ${limit ?? ''} accents or marks on one character.`
      default:
        return `${field} is not valid.`
    }
  },
}
