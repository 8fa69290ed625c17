import { MANAGE_API_KEYS_PERMISSION, type SubjectKind, type TeamInfo } from '../../core/types'

/** Who is calling the handler, as your `authenticate` resolves it from the request. */
export interface ApiKeysCaller {
  /** The signed-in user's id: the subject of their own keys (kind `'user'`). */
  userId: string
  /** The teams (organizations) they belong to and their permissions there (exact strings). */
  teams?: ReadonlyArray<Pick<TeamInfo, 'id'> & { permissions: readonly string[] }>
}

/** Resolves the caller of a request, or null when nobody is signed in (the handler answers 401). */
export type Authenticate = (request: Request) => ApiKeysCaller | null | Promise<ApiKeysCaller | null>

/** The owner of keys a caller asks about: a user or a team, by id. */
export interface SubjectTarget {
  subject: string
  /** Null only for a key stored before kinds existed and not yet attributed: nobody manages it. */
  subjectKind: SubjectKind | null
}

/**
 * Whether the caller may see and manage the keys of `target`: the user whose id is theirs, or a
 * team (by kind and id) where they hold exactly `$manage_api_keys`. A team is never taken for a user
 * with the same id, nor the other way round. The handler answers 404 for the rest so existence
 * never leaks.
 */
export function canManageSubject(caller: ApiKeysCaller, target: SubjectTarget): boolean {
  if (target.subjectKind === 'user') return target.subject === caller.userId
  if (target.subjectKind === 'team') {
    return (caller.teams ?? []).some(
      (team) => team.id === target.subject && team.permissions.includes(MANAGE_API_KEYS_PERMISSION),
    )
  }
  return false
}

/** The app's `authenticate` returned something that is not a caller: a fault of the app, never a grant. */
export class InvalidCallerError extends Error {
  constructor(field: string, expected: string) {
    super(`authenticate returned an invalid caller: ${field} must be ${expected}.`)
    this.name = 'InvalidCallerError'
  }
}

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== ''

/**
 * Checks the shape of what `authenticate` resolved (the TypeScript type does not reach a JWT's
 * claims): `userId` a non-empty string; `teams`, if present, an array of `{ id, permissions }` with
 * a non-empty string id and an array of strings, matched exactly. A permissions string such as a
 * JWT `scope` claim would otherwise be searched as text. Throws {@link InvalidCallerError} naming
 * the field; the handler answers 500 and tells `onError`.
 */
export function checkCaller(value: unknown): ApiKeysCaller {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidCallerError('the caller', 'an object { userId, teams? } or null')
  }
  const { userId, teams } = value as { userId?: unknown; teams?: unknown }
  if (!isNonEmptyString(userId)) throw new InvalidCallerError('userId', 'a non-empty string')
  if (teams === undefined) return { userId }
  if (!Array.isArray(teams)) throw new InvalidCallerError('teams', 'an array of { id, permissions }')
  const checked = teams.map((team: unknown, index) => {
    const field = `teams[${index}]`
    if (typeof team !== 'object' || team === null) throw new InvalidCallerError(field, 'an object { id, permissions }')
    const { id, permissions } = team as { id?: unknown; permissions?: unknown }
    if (!isNonEmptyString(id)) throw new InvalidCallerError(`${field}.id`, 'a non-empty string')
    if (!Array.isArray(permissions) || !permissions.every((permission) => typeof permission === 'string')) {
      throw new InvalidCallerError(`${field}.permissions`, 'an array of strings')
    }
    return { id, permissions: [...(permissions as string[])] }
  })
  return { userId, teams: checked }
}
