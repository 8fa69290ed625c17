import type { APIKeyJson } from '../../core/key-json'
import { isSubjectKind, type SubjectKind } from '../../core/types'
import { unexpectedAnswer } from './errors'
import { JsonReader } from './json'

/** The key's `subjectKind`, when the server says it: `user` or `team`, nothing else. */
function subjectKindOf(json: JsonReader): { subjectKind?: SubjectKind } {
  if (!json.has('subjectKind')) return {}
  const kind = json.string('subjectKind')
  if (!isSubjectKind(kind)) throw unexpectedAnswer("key.subjectKind is not 'user' or 'team'")
  return { subjectKind: kind }
}

/** The ids a roll linked the key to, when the server says them (absent or null: no link). */
function rotationLinksOf(json: JsonReader): { rolledFrom?: string; replacedBy?: string } {
  return {
    ...(json.has('rolledFrom') ? { rolledFrom: json.string('rolledFrom') } : {}),
    ...(json.has('replacedBy') ? { replacedBy: json.string('replacedBy') } : {}),
  }
}

/** Who revoked the key, when the server says it (absent or null: not known). */
function revokedByOf(json: JsonReader): { revokedBy?: string } {
  return json.has('revokedBy') ? { revokedBy: json.string('revokedBy') } : {}
}

/** An ISO 8601 date string, checked to be one. */
const isoText = (json: JsonReader, field: string): string => json.isoDate(field).toISOString()
const optionalIsoText = (json: JsonReader, field: string): string | null =>
  json.has(field) ? isoText(json, field) : null

/**
 * A key of the kit's HTTP API, checked field by field against {@link APIKeyJson} (the type the
 * handler answers with); rejects as `unknown` (502) when a field is missing or of the wrong type.
 * The secret is left out: only a create or a roll reads it.
 */
export function readKeyJson(value: unknown): APIKeyJson {
  const json = new JsonReader(value, 'key')
  return {
    id: json.string('id'),
    type: json.string('type'),
    name: json.string('name'),
    subject: json.string('subject'),
    ...subjectKindOf(json),
    description: json.optionalString('description'),
    claims: json.optionalObject('claims'),
    scopes: json.strings('scopes'),
    createdAt: isoText(json, 'createdAt'),
    createdBy: json.optionalString('createdBy'),
    updatedAt: isoText(json, 'updatedAt'),
    expiration: optionalIsoText(json, 'expiration'),
    expired: json.boolean('expired'),
    revoked: json.boolean('revoked'),
    revokedAt: optionalIsoText(json, 'revokedAt'),
    revocationReason: json.optionalString('revocationReason'),
    ...revokedByOf(json),
    lastUsedAt: optionalIsoText(json, 'lastUsedAt'),
    prefix: json.optionalString('prefix'),
    lastFour: json.string('lastFour'),
    ...rotationLinksOf(json),
  }
}
