import { useId, useState, type FormEvent } from 'react'

/** What the protected endpoint answered. */
interface Answer {
  status: number
  body: unknown
}

const REASONS: Record<string, string> = {
  missing: 'no key was sent',
  malformed: 'the key is malformed',
  not_found: 'no such key (not_found)',
  revoked: 'the key is revoked',
  expired: 'the key has expired',
  insufficient_scope: 'the key lacks a scope',
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** One line that says what the answer means. */
function summary({ status, body }: Answer): string {
  if (status === 0) return 'The demo server could not be reached.'
  if (status === 200 && isRecord(body)) return `200 OK: the key is valid. It acts for ${String(body.subject)}.`
  const reason = isRecord(body) && typeof body.reason === 'string' ? body.reason : ''
  return `${status} ${status === 401 ? 'Unauthorized' : 'refused'}: ${REASONS[reason] ?? 'the key was refused'}.`
}

/** Calls the demo API's protected endpoint with a pasted key, as a script would, and shows the answer. */
export function TryKeyPanel() {
  const inputId = useId()
  const titleId = useId()
  const [key, setKey] = useState('')
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [pending, setPending] = useState(false)

  async function call(event: FormEvent): Promise<void> {
    event.preventDefault()
    setPending(true)
    setAnswer(null)
    try {
      const trimmed = key.trim()
      const response = await fetch('/api/demo/protected', {
        headers: trimmed === '' ? {} : { authorization: `Bearer ${trimmed}` },
        cache: 'no-store',
      })
      const body: unknown = await response.json().catch(() => null)
      setAnswer({ status: response.status, body })
    } catch {
      setAnswer({ status: 0, body: null })
    } finally {
      setPending(false)
    }
  }

  return (
    <section className="rak-root demo-try" aria-labelledby={titleId}>
      <h2 id={titleId} className="rak-section-title">
        Try a key
      </h2>
      <p className="rak-hint">
        Calls <code>GET /api/demo/protected</code> with <code>Authorization: Bearer &lt;key&gt;</code>, as a script
        would.
      </p>
      <form className="demo-try-form" onSubmit={(event) => void call(event)}>
        <div className="rak-field">
          <label className="rak-label" htmlFor={inputId}>
            API key to test
          </label>
          <input
            id={inputId}
            className="rak-input rak-secret"
            value={key}
            onChange={(event) => setKey(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder="sk_…"
          />
        </div>
        <button type="submit" className="rak-button rak-button--primary" disabled={pending}>
          Call protected endpoint
        </button>
      </form>
      <div role="status" aria-live="polite" className="demo-answer" data-status={answer?.status}>
        {answer && (
          <>
            <p className={answer.status === 200 ? 'demo-ok' : 'demo-refused'}>{summary(answer)}</p>
            <pre aria-label="Answer body">{JSON.stringify(answer.body, null, 2)}</pre>
          </>
        )}
      </div>
    </section>
  )
}
