'use client'
import { MANAGE_API_KEYS_PERMISSION, type TeamInfo } from '../core/types'
import { useApiKeysContext } from './context'

/** The signed-in user and their membership of a team, as the Provider was told. */
export interface TeamAccess {
  team: TeamInfo | undefined
  /** Whether the user holds `$manage_api_keys` in the team (components use this to hide what they may not manage). */
  canManageKeys: boolean
}

/** Looks a team up in the Provider's `teams`. Only for showing or hiding UI: the backend decides access. */
export function useTeam(teamId: string): TeamAccess {
  const team = useApiKeysContext().teams.find((candidate) => candidate.id === teamId)
  return { team, canManageKeys: team?.permissions.includes(MANAGE_API_KEYS_PERMISSION) ?? false }
}

/** The signed-in user's id, or null. */
export function useCurrentUserId(): string | null {
  return useApiKeysContext().userId
}
