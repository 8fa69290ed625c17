import {
  AccountSettings,
  APIKeysProvider,
  createRestFetcher,
  TeamApiKeysSection,
  type APIKeysManagerProps,
} from '../../../src/index'
import { DEMO_PEOPLE, DEMO_SCOPES, DEMO_TEAM, DEMO_USER_ID } from '../demo-user'
import { TryKeyPanel } from './TryKeyPanel'

// The kit's handler is mounted at /api on the same origin, so the session cookie (here: none, the
// demo server signs everyone in as the demo user) goes along by itself.
const fetcher = createRestFetcher({ baseUrl: '/api' })
const teams = [DEMO_TEAM]

// Both managers offer the demo's scopes (with what each allows) and name creators from its user
// directory: the team's first key, made by a teammate, shows her name and its scopes and claims.
const managerProps = {
  availableScopes: DEMO_SCOPES,
  resolveUser: (userId) => DEMO_PEOPLE[userId],
} satisfies Partial<APIKeysManagerProps>

export function App() {
  return (
    <APIKeysProvider fetcher={fetcher} userId={DEMO_USER_ID} teams={teams}>
      <main className="demo">
        <header className="demo-header">
          <h1>react-api-keys demo</h1>
          <p>
            Signed in as <code>{DEMO_USER_ID}</code>, a manager of the team {DEMO_TEAM.displayName}. Keys are kept by
            the server companion in an embedded database, so they survive a restart.
          </p>
        </header>
        <AccountSettings apiKeys={managerProps} />
        <TeamApiKeysSection teamId={DEMO_TEAM.id} {...managerProps} />
        <TryKeyPanel />
      </main>
    </APIKeysProvider>
  )
}
