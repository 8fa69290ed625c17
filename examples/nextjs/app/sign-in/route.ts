import { NextResponse } from 'next/server'
import { DEMO_USER_ID, SESSION_COOKIE } from '../../lib/session'

/** Demo sign-in: sets the demo user's cookie and goes back to the page. Use your auth library instead. */
export async function POST(): Promise<Response> {
  // A relative Location keeps the browser on the host it used (request.url may name another).
  const response = new NextResponse(null, { status: 303, headers: { location: '/' } })
  response.cookies.set(SESSION_COOKIE, DEMO_USER_ID, { httpOnly: true, sameSite: 'lax', path: '/' })
  return response
}
