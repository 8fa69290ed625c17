// The same screen in German, through a client wrapper: deMessages hold functions, so they are passed
// to the Provider inside a 'use client' file, and the server component passes only the user's id.
import { APIKeysManager } from 'react-api-keys'
import { currentUser } from '../../lib/session'
import { SignInForm } from '../sign-in-form'
import { ApiKeysProviders } from './api-keys-providers'

export default async function GermanPage() {
  const user = await currentUser()
  if (!user) return <SignInForm />
  return (
    <main lang="de">
      <h1>API-Schlüssel</h1>
      <ApiKeysProviders userId={user.id}>
        <APIKeysManager />
      </ApiKeysProviders>
    </main>
  )
}
