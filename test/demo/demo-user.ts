import { MANAGE_API_KEYS_PERMISSION, type TeamInfo } from '../../src/index'

/** The one signed-in user of the demo: the server authenticates every request as them. */
export const DEMO_USER_ID = 'user_demo'

/** The demo user's team, where they hold `$manage_api_keys`. */
export const DEMO_TEAM: TeamInfo = { id: 'team_demo', displayName: 'Acme', permissions: [MANAGE_API_KEYS_PERMISSION] }
