import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { APIKeysManager, APIKeysRestProvider, type APIKeysRestProviderProps } from '../../src/index'
import { USER } from '../helpers/kit'
import '../helpers/screen-wait'

/** The kit's HTTP API answering one list page with one key, recording each request. */
function stubListApi(): { requests: { url: string; init: RequestInit | undefined }[] } {
  const requests: { url: string; init: RequestInit | undefined }[] = []
  const key = {
    id: 'ak_1',
    type: 'api_key',
    name: 'From the server',
    subject: USER,
    description: null,
    claims: null,
    scopes: [],
    createdAt: new Date().toISOString(),
    createdBy: null,
    updatedAt: new Date().toISOString(),
    expiration: null,
    expired: false,
    revoked: false,
    revokedAt: null,
    revocationReason: null,
    lastUsedAt: null,
    prefix: 'sk_',
    lastFour: 'wxyz',
  }
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    requests.push({ url, init })
    return Response.json({ data: [key], totalCount: 1 })
  })
  return { requests }
}

describe('APIKeysRestProvider: the Provider from plain props', () => {
  // What a Next.js server component hands over: data that survives serialization, no functions.
  const props: APIKeysRestProviderProps = JSON.parse(
    JSON.stringify({
      baseUrl: '/api/',
      headers: { 'x-csrf-token': 'token-1' },
      userId: USER,
      localization: { tableCaption: 'Deploy keys' },
    }),
  )

  it('lists the user’s keys through the kit’s HTTP API with the given headers and text', async () => {
    const { requests } = stubListApi()
    render(
      <APIKeysRestProvider {...props}>
        <APIKeysManager />
      </APIKeysRestProvider>,
    )
    await screen.findByText('From the server')
    expect(screen.getByRole('table', { name: 'Deploy keys' }).textContent).toContain('…wxyz')
    // One request for the page; then, once the browser is idle, the hygiene counts, a one-key page per finding.
    const pages = requests.filter(({ url }) => !url.includes('hygiene='))
    expect(pages).toHaveLength(1)
    const counted = () =>
      requests
        .map(({ url }) => new URL(url, 'http://localhost').searchParams)
        .filter((query) => query.has('hygiene'))
        .map((query) => `${query.get('hygiene')} ${query.get('pageSize')}`)
        .sort()
    await waitFor(() => expect(counted()).toEqual(['expiring-this-week 1', 'unused 1']))
    const [request] = pages
    expect(request?.url).toMatch(new RegExp(`^/api/api-keys\\?subject=${USER}&`))
    expect(new Headers(request?.init?.headers).get('x-csrf-token')).toBe('token-1')
    expect(request?.init?.credentials).toBe('same-origin')
  })
})
