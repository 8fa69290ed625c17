'use client'
import { clsx } from 'clsx'
import { useId } from 'react'
import { useMessages } from '../react/use-localization'
import { useTeam } from '../react/use-team'
import { APIKeysManager, type APIKeysManagerProps } from './APIKeysManager'

/** Props of {@link TeamApiKeysSection}. */
export interface TeamApiKeysSectionProps extends Omit<APIKeysManagerProps, 'subject'> {
  /** The team whose keys it manages: one of the Provider's `teams`, where the user needs `$manage_api_keys`. */
  teamId: string
}

/**
 * A team's API keys, titled with the team's name. Renders nothing unless the Provider's `teams` has
 * this team with `$manage_api_keys` (the backend still decides what the user may really do).
 */
export function TeamApiKeysSection({ teamId, className, ...managerProps }: TeamApiKeysSectionProps) {
  const messages = useMessages()
  const titleId = useId()
  const { team, canManageKeys } = useTeam(teamId)
  if (!team || !canManageKeys) return null
  return (
    <section className={clsx('rak-root rak-team-section', className)} aria-labelledby={titleId}>
      <h2 id={titleId} className="rak-section-title">
        {messages.teamApiKeysTitle(team.displayName)}
      </h2>
      <APIKeysManager {...managerProps} subject={teamId} />
    </section>
  )
}
