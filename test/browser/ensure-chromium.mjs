// Runs before `npm test`: the story tests need a real Chromium. Playwright cannot download its own
// browser here, so use Debian's (or CHROMIUM_PATH), installing it when missing and allowed to.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(path)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const hasApt = existsSync('/usr/bin/apt-get')
  if (process.env.CHROMIUM_PATH || !isRoot || !hasApt) {
    console.error(`No Chromium at ${path}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`)
    process.exit(1)
  }
  console.log('Installing Debian chromium for the browser tests…')
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' })
  if (!existsSync(path)) {
    console.error('apt-get finished but /usr/bin/chromium is still missing.')
    process.exit(1)
  }
}
