import { MANAGE_API_KEYS_PERMISSION, type TeamInfo } from '../../core/types'

/** Who is calling the handler, as your `authenticate` resolves it from the request. */
export interface ApiKeysCaller {
  /** The signed-in user's id: the subject of their own keys. */
  userId: string
  /** The teams (organizations) they belong to and their permissions there. */
  teams?: ReadonlyArray<Pick<TeamInfo, 'id'> & { permissions: readonly string[] }>
}

/** Resolves the caller of a request, or null when nobody is signed in (the handler answers 401). */
export type Authenticate = (request: Request) => ApiKeysCaller | null | Promise<ApiKeysCaller | null>

/**
 * Whether the caller may see and manage `subject`'s keys: their own, or a team's where they hold
 * `$manage_api_keys`. Nothing else; the handler answers 404 for the rest so existence never leaks.
 */
export function canManageSubject(caller: ApiKeysCaller, subject: string): boolean {
  if (subject === caller.userId) return true
  return (caller.teams ?? []).some((team) => team.id === subject && team.permissions.includes(MANAGE_API_KEYS_PERMISSION))
}
