// A server component: it reads the session on the server and renders the kit's client components
// with plain props only. APIKeysRestProvider makes the fetcher on the client side.
import { APIKeysManager, APIKeysRestProvider } from 'react-api-keys'
import { currentUser } from '../lib/session'
import { SignInForm } from './sign-in-form'

export default async function Page() {
  const user = await currentUser()
  if (!user) return <SignInForm />
  return (
    <main>
      <h1>API keys</h1>
      <p>
        <a href="/de">Deutsch</a>
      </p>
      <APIKeysRestProvider baseUrl="/api" userId={user.id}>
        <APIKeysManager />
      </APIKeysRestProvider>
    </main>
  )
}
