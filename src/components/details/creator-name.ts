import type { TeamInfo } from '../../core/types'

/** Turns a user id into a name the app knows (from its user directory), or nothing. */
export type ResolveUser = (userId: string) => string | null | undefined

/** What the details view knows to name a creator with. */
export interface CreatorNameSources {
  /** The signed-in user, who reads "You" for their own keys. */
  userId: string | null
  /** The Provider's teams: a key made by a team (as Clerk's organization-made keys are) reads as the team's name. */
  teams: readonly TeamInfo[]
  resolveUser?: ResolveUser
}

/**
 * Who made a key, for people: the app's name for the user (`resolveUser`), "you" for the signed-in
 * user, a team's display name, else the id itself. Null when the backend does not say.
 */
export function creatorName(createdBy: string | null, sources: CreatorNameSources, you: string): string | null {
  if (createdBy === null) return null
  const resolved = sources.resolveUser?.(createdBy)
  if (resolved) return resolved
  if (createdBy === sources.userId) return you
  return sources.teams.find((team) => team.id === createdBy)?.displayName ?? createdBy
}
