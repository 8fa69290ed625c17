// @vitest-environment node
import type { TestProject } from 'vitest/node'

afterEach(() => {
  vi.unstubAllEnvs()
})

/** What the unit project's global setup prints at the end of a run of `files`, under this environment. */
async function noticeAfter(env: { RAK_TEST_PG_URL: string; CI: string }, files: string[]): Promise<string> {
  vi.stubEnv('RAK_TEST_PG_URL', env.RAK_TEST_PG_URL)
  vi.stubEnv('CI', env.CI)
  vi.resetModules() // pg-env reads the environment when it loads
  const { default: pgSkipNotice } = await import('./pg-skip-notice')
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  const project = { vitest: { state: { getFiles: () => files.map((filepath) => ({ filepath })) } } }
  pgSkipNotice(project as unknown as TestProject)?.()
  return warn.mock.calls.map((call) => call.join(' ')).join('\n')
}

const SERVER_RUN = ['/repo/test/core/errors.test.ts', '/repo/test/server/postgres-store.test.ts']

it('tells a run that skipped the PostgreSQL tests, once, how to run them', async () => {
  const notice = await noticeAfter({ RAK_TEST_PG_URL: '', CI: '' }, SERVER_RUN)
  expect(notice).toContain('PostgreSQL tests skipped: RAK_TEST_PG_URL is not set.')
  expect(notice).toContain('npm run test:pg')
  expect(notice.match(/skipped/g)).toHaveLength(1)
})

it('says nothing when they ran, when no server test was in the run, or in CI (where their absence fails)', async () => {
  expect(await noticeAfter({ RAK_TEST_PG_URL: 'postgres://127.0.0.1/x', CI: '' }, SERVER_RUN)).toBe('')
  expect(await noticeAfter({ RAK_TEST_PG_URL: '', CI: '' }, ['/repo/test/core/errors.test.ts'])).toBe('')
  expect(await noticeAfter({ RAK_TEST_PG_URL: '', CI: 'true' }, SERVER_RUN)).toBe('')
})
