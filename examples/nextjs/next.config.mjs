import { fileURLToPath } from 'node:url'

// This example borrows next, react and the other packages from the repository root's node_modules,
// so Next.js is told where that root is. An app with its own node_modules needs neither root line.
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  turbopack: { root: repositoryRoot },
  outputFileTracingRoot: repositoryRoot,
  // CI builds once on a fresh machine, where writing Turbopack's build cache only costs time.
  experimental: { turbopackFileSystemCacheForBuild: !process.env.CI },
}

export default nextConfig
