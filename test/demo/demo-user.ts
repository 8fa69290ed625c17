import { MANAGE_API_KEYS_PERMISSION, type ScopeOption, type TeamInfo } from '../../src/index'

/** The one signed-in user of the demo: the server authenticates every request as them. */
export const DEMO_USER_ID = 'user_demo'

/** The demo user's team, where they hold `$manage_api_keys`. */
export const DEMO_TEAM: TeamInfo = { id: 'team_demo', displayName: 'Acme', permissions: [MANAGE_API_KEYS_PERMISSION] }

/** The scopes the demo offers in the create dialog; a key's details show their labels and descriptions. */
export const DEMO_SCOPES = [
  { value: 'reports:read', label: 'Read reports', description: 'View and download reports.' },
  { value: 'orders:write', label: 'Manage orders', description: 'Create, change and cancel orders.' },
  { value: 'webhooks:manage', label: 'Manage webhooks', description: 'Add and remove webhook endpoints.' },
] as const satisfies readonly ScopeOption[]

/** A teammate of the demo user, who made the team's first key (the server adds it to an empty team). */
export const DEMO_TEAMMATE_ID = 'user_grace'

/**
 * The demo's user directory, as an app's would be. The signed-in user is left out on purpose: the
 * kit names them "You", which reads better than their own name.
 */
export const DEMO_PEOPLE: Readonly<Record<string, string>> = { [DEMO_TEAMMATE_ID]: 'Grace Hopper' }
