// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { APIKeysManager, APIKeysProvider, createMemoryFetcher } from '../../src/index'
import { USER, seedKeys } from '../helpers/kit'

describe('APIKeysManager on a server', () => {
  it('renders its loading state and sends no request from the server', () => {
    const memory = createMemoryFetcher({ seed: seedKeys(USER, 100) })
    const html = renderToString(
      <APIKeysProvider fetcher={memory} userId={USER}>
        <APIKeysManager pageSize={100} />
      </APIKeysProvider>,
    )
    expect(html).toContain('Loading API keys')
    expect(html).toContain('Create API key')
    expect(memory.calls.list).toBe(0)
  })
})
