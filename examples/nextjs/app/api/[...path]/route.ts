// The kit's HTTP API under /api: GET|POST /api/api-keys, GET|PATCH /api/api-keys/:id,
// POST /api/api-keys/:id/revoke and /roll. The handler reads the Fetch API Request Next.js passes.
import { apiKeysHandler } from '../../../lib/api-keys'

async function handle(request: Request): Promise<Response> {
  const handler = await apiKeysHandler()
  return handler(request)
}

export { handle as GET, handle as POST, handle as PATCH }
