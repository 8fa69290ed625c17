import type { MemoryFetcher } from '../../src/index'
// The largest page the kit's server (and so the memory backend) answers.
import { MAX_PAGE_SIZE as SERVER_PAGE_SIZE } from '../../src/server/service/list-params'

/**
 * A backend that answers pages larger than the kit's server allows, as an app's own API may: it
 * reads each large page from the memory backend a server page at a time. For stories and benches
 * that show a long page (the table with 1,000 rows); the rules of keys stay the memory backend's,
 * and `calls.list` counts one call per page asked for, however many reads it took.
 */
export function withLargePages(memory: MemoryFetcher): MemoryFetcher {
  let extraReads = 0
  const calls: MemoryFetcher['calls'] = {
    get list() {
      return memory.calls.list - extraReads
    },
    get create() {
      return memory.calls.create
    },
    get revoke() {
      return memory.calls.revoke
    },
    get update() {
      return memory.calls.update
    },
    get roll() {
      return memory.calls.roll
    },
  }
  return {
    ...memory,
    calls,
    async list(params) {
      if (params.pageSize <= SERVER_PAGE_SIZE) return memory.list(params)
      const start = (params.page - 1) * params.pageSize
      const firstRead = Math.floor(start / SERVER_PAGE_SIZE) + 1
      const lastRead = Math.floor((start + params.pageSize - 1) / SERVER_PAGE_SIZE) + 1
      extraReads += lastRead - firstRead
      const pages = await Promise.all(
        Array.from({ length: lastRead - firstRead + 1 }, (_, index) =>
          memory.list({ ...params, page: firstRead + index, pageSize: SERVER_PAGE_SIZE }),
        ),
      )
      const skipped = start - (firstRead - 1) * SERVER_PAGE_SIZE
      const data = pages.flatMap((page) => page.data).slice(skipped, skipped + params.pageSize)
      return { data, totalCount: pages[0]?.totalCount ?? 0 }
    },
  }
}
