import { configure } from '@testing-library/react'

// Each test is a whole user flow in jsdom: on a slow, shared CI machine a screen may take seconds to
// appear (and the manager's idle work waits a second where jsdom has no idle callback). Imported for
// this effect by every file that waits for screens; the test's own time-out comes from vitest.config.ts.
configure({ asyncUtilTimeout: 15_000 })
