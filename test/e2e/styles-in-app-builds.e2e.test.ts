/**
 * The stylesheet's colours in real Chromium, as written and as an app's bundler ships it: Vite 8 with
 * its defaults minifies CSS with lightningcss, which rewrites colour functions newer than its targets
 * (Next.js with Turbopack does the same), so a theme that works from the source file can arrive in an
 * app with no colours at all. Each theme is checked where a person would see it: the text colour of a
 * component's root and the background of its primary button, light and dark, on the page's root and
 * nested, and following the system setting.
 */
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs, chromiumPath } from '../browser/chromium'

const STYLESHEET = fileURLToPath(new URL('../../src/styles/styles.css', import.meta.url))

/** What a person sees of each scheme: the text, and the primary button's fill (README's table). */
const LIGHT = { text: 'rgb(17, 24, 39)', button: 'rgb(79, 70, 229)' }
const DARK = { text: 'rgb(230, 232, 238)', button: 'rgb(139, 140, 248)' }

/** A component root with a primary button, as every component renders them. */
const widget = (id: string): string =>
  `<div class="rak-root" id="${id}"><button class="rak-button rak-button--primary">Create API key</button></div>`

const BODY = [
  widget('plain'),
  `<div data-theme="dark">${widget('dark')}<div data-theme="light">${widget('light-in-dark')}</div></div>`,
  `<div data-theme="system">${widget('system')}</div>`,
].join('')

/** The stylesheet as Vite 8 builds it for an app that imports it, with Vite's own defaults. */
async function builtByVite(folder: string): Promise<string> {
  await copyFile(STYLESHEET, join(folder, 'styles.css'))
  await writeFile(join(folder, 'main.js'), "import './styles.css'\n")
  await writeFile(join(folder, 'index.html'), '<!doctype html><script type="module" src="/main.js"></script>')
  await build({ root: folder, configFile: false, logLevel: 'silent', build: { outDir: join(folder, 'dist') } })
  const assets = join(folder, 'dist/assets')
  const css = (await readdir(assets)).find((name) => name.endsWith('.css'))
  if (!css) throw new Error('Vite emitted no stylesheet.')
  return readFile(join(assets, css), 'utf8')
}

describe('the stylesheet’s colours in Chromium', () => {
  let folder: string
  let browser: Browser | undefined
  const variants: { name: string; css: string }[] = []

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'rak-styles-'))
    const built = await builtByVite(folder)
    variants.push({ name: 'as written', css: await readFile(STYLESHEET, 'utf8') })
    variants.push({ name: 'as Vite 8 builds it', css: built })
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  })

  afterAll(async () => {
    await browser?.close()
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  /**
   * A page with the stylesheet and `body`, its <html> carrying `theme` when given, on a system set to
   * `system` (from the start: the buttons' colour transitions would otherwise be caught half way).
   */
  async function open(css: string, body: string, theme?: string, system: 'light' | 'dark' = 'light'): Promise<Page> {
    if (!browser) throw new Error('Chromium did not start.')
    const page = await browser.newPage({ colorScheme: system })
    const attribute = theme ? ` data-theme="${theme}"` : ''
    await page.setContent(
      `<!doctype html><html${attribute}><head><style>${css}</style></head><body>${body}</body></html>`,
    )
    return page
  }

  /** The colours a person sees in the element matching `selector`. */
  const seen = (page: Page, selector: string) =>
    page.locator(selector).evaluate((root) => ({
      text: getComputedStyle(root).color,
      button: getComputedStyle(root.querySelector('.rak-button--primary') ?? root).backgroundColor,
    }))

  it('is light by default and dark, light inside dark, or the system’s under data-theme', async () => {
    // The stylesheet Vite emits must still be the kit's: this test means nothing on an empty file.
    expect(variants[1]?.css).toContain('.rak-button--primary')
    for (const { name, css } of variants) {
      const page = await open(css, BODY)
      expect(await seen(page, '#plain'), `${name}: no data-theme`).toEqual(LIGHT)
      expect(await seen(page, '#dark'), `${name}: data-theme="dark"`).toEqual(DARK)
      expect(await seen(page, '#light-in-dark'), `${name}: light inside dark`).toEqual(LIGHT)
      expect(await seen(page, '#system'), `${name}: system, light OS`).toEqual(LIGHT)
      await page.close()
      const onDarkSystem = await open(css, BODY, undefined, 'dark')
      expect(await seen(onDarkSystem, '#system'), `${name}: system, dark OS`).toEqual(DARK)
      expect(await seen(onDarkSystem, '#plain'), `${name}: a dark OS alone changes nothing`).toEqual(LIGHT)
      await onDarkSystem.close()
    }
  })

  it('is light, or dark under data-theme, in a shadow tree that holds the stylesheet', async () => {
    for (const { name, css } of variants) {
      // A web component, say: the stylesheet inside its shadow root, none in the document.
      const page = await open('', '<div id="host"></div>')
      await page.evaluate(
        ({ css, light, dark }) => {
          const root = document.getElementById('host')?.attachShadow({ mode: 'open' })
          if (root) root.innerHTML = `<style>${css}</style>${light}<div data-theme="dark">${dark}</div>`
        },
        { css, light: widget('shadow-light'), dark: widget('shadow-dark') },
      )
      const inShadow = (id: string) =>
        page.evaluate((id) => {
          const root = document.getElementById('host')?.shadowRoot?.getElementById(id)
          const button = root?.querySelector('.rak-button--primary')
          if (!root || !button) throw new Error(`no ${id} in the shadow tree`)
          return { text: getComputedStyle(root).color, button: getComputedStyle(button).backgroundColor }
        }, id)
      expect(await inShadow('shadow-light'), `${name}: in a shadow tree`).toEqual(LIGHT)
      expect(await inShadow('shadow-dark'), `${name}: dark in a shadow tree`).toEqual(DARK)
      await page.close()
    }
  })

  it('is dark everywhere, dialogs included, with data-theme="dark" on <html>', async () => {
    const dialog =
      '<div class="rak-dialog" id="dialog"><button class="rak-button rak-button--primary">Done</button></div>'
    for (const { name, css } of variants) {
      const page = await open(css, widget('root') + dialog, 'dark')
      expect(await seen(page, '#root'), `${name}: a component`).toEqual(DARK)
      expect(await seen(page, '#dialog'), `${name}: a dialog in a portal under <body>`).toEqual(DARK)
      await page.close()
    }
  })
})
