'use client'
import { clsx } from 'clsx'
import { useId, useMemo } from 'react'
import { useMessages } from '../react/use-localization'
import { useCurrentUserId, useTeam } from '../react/use-team'
import { APIKeysManager, type APIKeysManagerProps } from './APIKeysManager'
import { TableColumnsContext, type TableColumns } from './manager/table-columns'

/** Props of {@link TeamApiKeysSection}. */
export interface TeamApiKeysSectionProps extends Omit<APIKeysManagerProps, 'subject'> {
  /** The team whose keys it manages: one of the Provider's `teams`, where the user needs `$manage_api_keys`. */
  teamId: string
}

/**
 * A team's API keys, titled with the team's name, with a "Created by" column (the signed-in user is
 * "You"; anyone else shows as their user id). Renders nothing unless the Provider's `teams` has
 * this team with `$manage_api_keys` (the backend still decides what the user may really do).
 */
export function TeamApiKeysSection({ teamId, className, ...managerProps }: TeamApiKeysSectionProps) {
  const messages = useMessages()
  const titleId = useId()
  const { team, canManageKeys } = useTeam(teamId)
  const userId = useCurrentUserId()
  const columns = useMemo<TableColumns>(
    () => ({ createdBy: (creator) => (creator === userId ? messages.createdByYou : creator) }),
    [userId, messages],
  )
  if (!team || !canManageKeys) return null
  return (
    <section className={clsx('rak-root rak-team-section', className)} aria-labelledby={titleId}>
      <h2 id={titleId} className="rak-section-title">
        {messages.teamApiKeysTitle(team.displayName)}
      </h2>
      <TableColumnsContext.Provider value={columns}>
        <APIKeysManager {...managerProps} subject={teamId} />
      </TableColumnsContext.Provider>
    </section>
  )
}
