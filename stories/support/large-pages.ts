import type { ApiKeysFetcher, MemoryFetcher } from '../../src/index'

/** The largest page the kit's server (and so the memory backend) answers. */
const SERVER_PAGE_SIZE = 100

/**
 * A backend that answers pages larger than the kit's server allows, as an app's own API may: it
 * reads each large page from the memory backend a server page at a time. Only for stories that show
 * a long page (the table with 1,000 rows); the rules of keys stay the memory backend's.
 */
export function withLargePages(memory: MemoryFetcher): ApiKeysFetcher {
  return {
    ...memory,
    async list(params) {
      if (params.pageSize <= SERVER_PAGE_SIZE) return memory.list(params)
      const start = (params.page - 1) * params.pageSize
      const firstServerPage = Math.floor(start / SERVER_PAGE_SIZE) + 1
      const lastServerPage = Math.floor((start + params.pageSize - 1) / SERVER_PAGE_SIZE) + 1
      const pages = await Promise.all(
        Array.from({ length: lastServerPage - firstServerPage + 1 }, (_, index) =>
          memory.list({ ...params, page: firstServerPage + index, pageSize: SERVER_PAGE_SIZE }),
        ),
      )
      const skipped = start - (firstServerPage - 1) * SERVER_PAGE_SIZE
      const data = pages.flatMap((page) => page.data).slice(skipped, skipped + params.pageSize)
      return { data, totalCount: pages[0]?.totalCount ?? 0 }
    },
  }
}
