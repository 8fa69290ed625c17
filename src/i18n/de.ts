import type { Messages, RelativeTimeUnit } from './messages'
import { namedKey } from './named-key'

/** Each unit's singular and its dative plural (after "vor" and "in"). */
const GERMAN_UNITS: Record<RelativeTimeUnit, [string, string]> = {
  year: ['Jahr', 'Jahren'],
  month: ['Monat', 'Monaten'],
  week: ['Woche', 'Wochen'],
  day: ['Tag', 'Tagen'],
  hour: ['Stunde', 'Stunden'],
  minute: ['Minute', 'Minuten'],
  second: ['Sekunde', 'Sekunden'],
}

/** The days German names with a word rather than a number. */
const NEAR_DAYS: Record<number, string> = { [-2]: 'vorgestern', [-1]: 'gestern', 1: 'morgen', 2: 'übermorgen' }

/** `text` with a capital first letter, for a relative date ("vor 3 Tagen") that starts a sentence. */
const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * A past relative date (from relativeTime or Intl) before a participle, as German orders it: "Gestern
 * gesperrt", "Vor 3 Tagen gesperrt"; a moment ago, "jetzt" from both, reads "Gerade eben". `lead` goes
 * first when given: "Zuletzt vor 3 Tagen verwendet".
 */
function pastThen(when: string, participle: string, lead?: string): string {
  const time = when === 'jetzt' ? 'gerade eben' : when
  return capitalized(lead ? `${lead} ${time} ${participle}` : `${time} ${participle}`)
}

/** The kit's German strings: pass as `localization={deMessages}` with `locale="de"`. */
export const deMessages: Messages = {
  relativeTime: (amount, unit) => {
    const word = unit === 'day' ? NEAR_DAYS[amount] : undefined
    if (word) return word
    const [one, many] = GERMAN_UNITS[unit]
    const count = `${Math.abs(amount)} ${amount === 1 || amount === -1 ? one : many}`
    return amount < 0 ? `vor ${count}` : amount ? `in ${count}` : 'jetzt'
  },
  searchLabel: 'Schlüssel suchen',
  searchPlaceholder: 'Nach Namen suchen',
  statusFilterLabel: 'Status',
  statusFilterAll: 'Alle',
  statusFilterActive: 'Aktiv',
  statusFilterExpired: 'Abgelaufen',
  statusFilterRevoked: 'Gesperrt',
  createButton: 'API-Schlüssel erstellen',
  tableCaption: 'API-Schlüssel',
  columnName: 'Name',
  columnKey: 'Schlüssel',
  columnStatus: 'Status',
  columnCreated: 'Erstellt',
  columnExpires: 'Läuft ab',
  columnLastUsed: 'Zuletzt verwendet',
  columnActions: 'Aktionen',
  status: { active: 'Aktiv', 'expiring-soon': 'Läuft bald ab', expired: 'Abgelaufen', revoked: 'Gesperrt' },
  revokedBecause: (reason) => `Gesperrt: ${reason}`,
  neverExpires: 'Nie',
  neverUsed: 'Nie',
  revoke: 'Sperren',
  revokeAction: (name, lastFour) => `${namedKey(name, lastFour)} sperren`,
  roll: 'Erneuern',
  rollAction: (name, lastFour) => `${namedKey(name, lastFour)} erneuern`,
  details: 'Details',
  detailsAction: (name, lastFour) => `Details zu ${namedKey(name, lastFour)}`,
  keyNameLabel: namedKey,
  revokeNow: 'Jetzt sperren',
  revokeNowAction: (name, lastFour) => `${namedKey(name, lastFour)} jetzt sperren`,
  revokedWhen: (when) => pastThen(when, 'gesperrt'),
  revocationReason: (reason) => `Grund: ${reason}`,
  rollingOver: (stops, replacement) =>
    `Wird abgelöst: gilt bis ${stops} → ${replacement ? `ersetzt durch ${replacement}` : 'durch einen neuen Schlüssel ersetzt'}`,
  loading: 'API-Schlüssel werden geladen …',
  emptyTitle: 'Noch keine API-Schlüssel',
  emptyBody: 'Erstellen Sie einen Schlüssel, damit Skripte und Dienste die API in Ihrem Namen aufrufen können.',
  noMatches: (query) => `Keine Schlüssel passen zu „${query}“.`,
  noFilterMatches: 'Keine Schlüssel mit diesem Status.',
  clearSearch: 'Suche zurücksetzen',
  noMatchesWithStatus: (query, status) => `Keine Schlüssel mit Status „${status}“ passen zu „${query}“.`,
  clearStatus: 'Alle Status zeigen',
  clearSearchAndStatus: 'Suche und Filter zurücksetzen',
  searchResults: (count) =>
    count === 0 ? 'Keine Schlüssel gefunden.' : count === 1 ? '1 Schlüssel gefunden.' : `${count} Schlüssel gefunden.`,
  keyCreated: (name) => `Schlüssel „${name}“ erstellt.`,
  keyRevoked: (name) => `Schlüssel „${name}“ gesperrt.`,
  keyRolled: (name) => `Schlüssel „${name}“ erneuert.`,
  loadError: 'Die API-Schlüssel konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  dialogLoadError:
    'Dieses Fenster konnte nicht geladen werden: Vielleicht ist die Verbindung unterbrochen, oder die App wurde aktualisiert. Laden Sie die Seite neu, um es noch einmal zu versuchen.',
  reloadPage: 'Seite neu laden',
  pagination: (from, to, total) => `${from}–${to} von ${total}`,
  paginationLabel: 'Seiten',
  previousPage: 'Zurück',
  nextPage: 'Weiter',
  createTitle: 'API-Schlüssel erstellen',
  createDescription: 'Der Schlüssel wird nur einmal angezeigt, direkt nach dem Erstellen.',
  nameLabel: 'Name',
  namePlaceholder: 'z. B. Produktionsserver',
  descriptionLabel: 'Beschreibung',
  descriptionPlaceholder: 'Wofür ist dieser Schlüssel?',
  optional: 'optional',
  expirationLabel: 'Ablauf',
  expirationNever: 'Nie',
  expirationDays: (days) => (days === 1 ? '1 Tag' : `${days} Tage`),
  expirationYear: '1 Jahr',
  expirationCustom: 'Eigenes Datum',
  customDateLabel: 'Ablaufdatum',
  expiresOn: (date) => `Läuft am ${date} ab`,
  expiresNever: 'Läuft nie ab',
  scopesLabel: 'Berechtigungen',
  cancel: 'Abbrechen',
  createSubmit: 'Schlüssel erstellen',
  creating: 'Wird erstellt …',
  revealTitle: (name) => `Schlüssel „${name}“ sichern`,
  revealDescription:
    'Kopieren Sie diesen Schlüssel und bewahren Sie ihn sicher auf. Er wird aus Sicherheitsgründen nicht erneut angezeigt.',
  secretLabel: 'API-Schlüssel',
  copy: 'Kopieren',
  copied: 'Kopiert',
  copyFailed: 'Der Browser hat das Kopieren blockiert. Markieren Sie den Schlüssel und kopieren Sie ihn von Hand.',
  downloadEnv: '.env herunterladen',
  savedCheckbox: 'Ich habe diesen Schlüssel gesichert',
  done: 'Fertig',
  revokeTitle: (name) => `„${name}“ sperren?`,
  revokeDescription:
    'Skripte und Dienste, die diesen Schlüssel verwenden, werden sofort abgewiesen. Das kann nicht rückgängig gemacht werden.',
  reasonLabel: 'Grund',
  reasonPlaceholder: 'z. B. In einer Logdatei aufgetaucht',
  revokeSubmit: 'Schlüssel sperren',
  revoking: 'Wird gesperrt …',
  rollTitle: (name) => `„${name}“ erneuern?`,
  rollDescription:
    'Ein neuer Schlüssel ersetzt diesen. Der alte funktioniert noch für die gewählte Übergangszeit und läuft dann ab.',
  gracePeriodLabel: 'Der alte Schlüssel funktioniert noch',
  graceNow: 'Keine Übergangszeit (läuft sofort ab)',
  graceMinutes: (minutes) => `${minutes} Minuten`,
  graceHours: (hours) => (hours === 1 ? '1 Stunde' : `${hours} Stunden`),
  graceDays: (days) => (days === 1 ? '1 Tag' : `${days} Tage`),
  rollSubmit: 'Schlüssel erneuern',
  rolling: 'Wird erneuert …',
  close: 'Schließen',
  neverUsedNote: 'Noch nie verwendet.',
  lastUsedRecently: (relative) => `${pastThen(relative, 'verwendet', 'Zuletzt')}: Etwas nutzt diesen Schlüssel noch.`,
  lastUsedAt: (relative) => `${pastThen(relative, 'verwendet', 'Zuletzt')}.`,
  rollOldStopsNow: 'Der alte Schlüssel funktioniert ab sofort nicht mehr.',
  rollOldStopsAt: (dateTime) => `Der alte Schlüssel funktioniert noch bis ${dateTime}.`,
  rollNewExpiresAt: (dateTime) => `Der neue Schlüssel läuft am ${dateTime} ab.`,
  rollNewNeverExpires: 'Der neue Schlüssel läuft nie ab.',
  revealWarning:
    'Der Schlüssel wird nur dieses eine Mal angezeigt. Nach dem Schließen dieses Dialogs kann er nicht mehr angezeigt werden.',
  doneDisabledHint: 'Bestätigen Sie zuerst „Ich habe diesen Schlüssel gesichert“.',
  detailsDescription:
    'Alle Angaben zu diesem Schlüssel. Den Schlüssel selbst zeigen wir aus Sicherheitsgründen nicht erneut.',
  keyId: 'Schlüssel-ID',
  copyKeyId: 'Schlüssel-ID kopieren',
  keyIdCopied: 'Schlüssel-ID kopiert',
  keyIdCopyFailed:
    'Der Browser hat das Kopieren blockiert. Markieren Sie die Schlüssel-ID und kopieren Sie sie von Hand.',
  createdBy: 'Erstellt von',
  createdByYou: 'Sie',
  youAfterBy: 'Ihnen',
  noScopes: 'Keine Berechtigungen',
  noDescription: 'Keine Beschreibung',
  revokedAt: 'Gesperrt am',
  revokedBy: 'Gesperrt von',
  noReason: 'Kein Grund angegeben',
  // A pair that says which way a roll went: "Ersetzt" alone reads as "replaced", the wrong way round.
  replacedBy: 'Nachfolger',
  rolledFrom: 'Vorgänger',
  showKeyDetails: (maskedKey) => `Details von ${maskedKey} anzeigen`,
  edit: 'Bearbeiten',
  editName: 'Name bearbeiten',
  editDescription: 'Beschreibung bearbeiten',
  save: 'Speichern',
  saving: 'Wird gespeichert …',
  keyUpdated: (name) => `Schlüssel „${name}“ geändert.`,
  hygieneLabel: 'Schlüsselpflege',
  hygieneExpiringThisWeek: (count) =>
    count === 1 ? '1 Schlüssel läuft diese Woche ab' : `${count} Schlüssel laufen diese Woche ab`,
  hygieneUnused: (count) =>
    count === 1 ? '1 Schlüssel seit 90 Tagen unbenutzt' : `${count} Schlüssel seit 90 Tagen unbenutzt`,
  hygieneScope: 'Gezählt unter den Schlüsseln dieser Seite.',
  hygieneShowAll: 'Alle Schlüssel zeigen',
  hygieneCountsFailed: 'Bald ablaufende und ungenutzte Schlüssel konnten nicht gezählt werden.',
  accountSettingsTitle: 'Kontoeinstellungen',
  settingsTabsLabel: 'Einstellungen',
  apiKeysTab: 'API-Schlüssel',
  teamApiKeysTitle: (teamName) => `API-Schlüssel von ${teamName}`,
  errors: {
    invalid_input: 'Einige Felder müssen korrigiert werden.',
    unauthenticated: 'Melden Sie sich an, um API-Schlüssel zu verwalten.',
    forbidden: 'Dazu fehlt Ihnen die Berechtigung.',
    not_found: 'Dieser API-Schlüssel existiert nicht mehr.',
    conflict: 'Das widerspricht einem vorhandenen API-Schlüssel.',
    rate_limited: 'Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
    unsupported: 'Diese Aktion ist für diese API-Schlüssel nicht verfügbar.',
    unavailable: 'Der Dienst ist kurz nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
    network: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    unknown: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  },
  duplicateName: (name) => `Es gibt bereits einen aktiven Schlüssel namens „${name}“. Wählen Sie einen anderen Namen.`,
  quotaExceeded:
    'Hier kann kein weiterer API-Schlüssel erstellt werden: Vielleicht ist die Höchstzahl erreicht oder die Berechtigung fehlt. Sperren Sie einen ungenutzten Schlüssel oder fragen Sie eine Administratorin.',
  field: {
    name: 'Name',
    description: 'Beschreibung',
    secondsUntilExpiration: 'Ablauf',
    scopes: 'Berechtigungen',
    claims: 'Claims',
    revocationReason: 'Grund',
    gracePeriodSeconds: 'Übergangszeit',
  },
  validation: (field, reason, limit) => {
    switch (reason) {
      case 'required':
        return `${field} ist erforderlich.`
      case 'too_long':
        return `${field} darf höchstens ${limit ?? ''} Zeichen lang sein.`
      case 'too_many':
        return `Wählen Sie höchstens ${limit ?? ''} ${field}.`
      case 'in_past':
        return `${field} muss in der Zukunft liegen.`
      case 'too_far':
        return `${field} darf höchstens 10 Jahre entfernt sein.`
      case 'not_visible':
        return `${field} muss mindestens ein sichtbares Zeichen enthalten.`
      case 'direction_control':
        return `${field} darf keine Zeichen enthalten, die die Schreibrichtung ändern.`
      case 'line_break':
        return `${field} darf keinen Zeilenumbruch enthalten.`
      case 'stacked_marks':
        return `${field} darf höchstens ${limit ?? ''} Akzente oder Zeichen übereinander auf einem Buchstaben tragen.`
      default:
        return `${field} ist ungültig.`
    }
  },
}
