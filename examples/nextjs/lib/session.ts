import { cookies } from 'next/headers'

/** The cookie this demo signs a user in with. */
export const SESSION_COOKIE = 'demo_user'

/** The one user this demo knows. */
export const DEMO_USER_ID = 'user_demo'

/** The signed-in user as the page and the route handler see it. */
export interface SessionUser {
  id: string
}

/**
 * The signed-in user of the current request, or null. Works in server components and route
 * handlers alike, so the page and the API agree on who is signed in.
 *
 * Demo only: anyone can set this cookie. In your app, return your auth library's user here instead
 * (Auth.js `await auth()`, Clerk `await auth()`, your own signed session), and keep the rest.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const value = (await cookies()).get(SESSION_COOKIE)?.value
  return value === DEMO_USER_ID ? { id: value } : null
}
