'use client'
import { clsx } from 'clsx'
import { useId, useMemo } from 'react'
import { useMessages } from '../react/use-localization'
import { useApiKeysContext } from '../react/context'
import { useTeam } from '../react/use-team'
import { APIKeysManager, type APIKeysManagerProps } from './APIKeysManager'
import { creatorName, type ResolveUser } from './details/creator-name'
import { TableColumnsContext, type TableColumns } from './manager/table-columns'

/** Props of {@link TeamApiKeysSection}. */
export interface TeamApiKeysSectionProps extends Omit<APIKeysManagerProps, 'subject'> {
  /** The team whose keys it manages: one of the Provider's `teams`, where the user needs `$manage_api_keys`. */
  teamId: string
  /** The app's name for a user id, in the "Created by" column and a key's details; else "You", a team's name, or the id. */
  resolveUser?: ResolveUser
}

/**
 * A team's API keys, titled with the team's name, with a "Created by" column named as in a key's
 * details (`resolveUser`, else "You", a team's name, or the id). Renders nothing unless the
 * Provider's `teams` has this team with `$manage_api_keys` (the backend still decides what the user
 * may really do).
 */
export function TeamApiKeysSection({ teamId, className, resolveUser, ...managerProps }: TeamApiKeysSectionProps) {
  const messages = useMessages()
  const titleId = useId()
  const { team, canManageKeys } = useTeam(teamId)
  const { userId, teams } = useApiKeysContext()
  const columns = useMemo<TableColumns>(
    () => ({
      createdBy: (creator) => creatorName(creator, { userId, teams, resolveUser }, messages.createdByYou) ?? creator,
    }),
    [userId, teams, resolveUser, messages],
  )
  if (!team || !canManageKeys) return null
  return (
    <section className={clsx('rak-root rak-team-section', className)} aria-labelledby={titleId}>
      <h2 id={titleId} className="rak-section-title">
        {messages.teamApiKeysTitle(team.displayName)}
      </h2>
      <TableColumnsContext.Provider value={columns}>
        <APIKeysManager {...managerProps} resolveUser={resolveUser} subject={teamId} />
      </TableColumnsContext.Provider>
    </section>
  )
}
