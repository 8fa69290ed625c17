/** The demo's sign-in: a plain form to the sign-in route, no JavaScript needed. */
export function SignInForm() {
  return (
    <main>
      <h1>Sign in</h1>
      <form action="/sign-in" method="post">
        <button type="submit">Sign in as the demo user</button>
      </form>
    </main>
  )
}
