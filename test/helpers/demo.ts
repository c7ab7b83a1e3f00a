// A lake that also serves the demo page and the built widgets, and Chromium to open it.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {chromium, type Browser, type BrowserContext, type Page} from 'playwright-core'
import {SAMPLE_PATH} from '../../content/build'
import {demoRoutes} from '../../demo/routes'
import {startLake, type RunningLake} from '../../lake/server/server'
import {clinicRules} from '../../clinic-rules'
import {CHROMIUM_ARGS} from './chromium'

export interface DemoSession {
  /** The lake's origin and write token (openDemo's lake runs in this process). */
  lake: Pick<RunningLake, 'url' | 'token'>
  browser: Browser
  close(): Promise<void>
}

export async function openDemo(): Promise<DemoSession> {
  const dir = mkdtempSync(join(tmpdir(), 'ck-demo-'))
  const lake = await startLake({
    port: 0,
    dir,
    seed: SAMPLE_PATH,
    quiet: true,
    extraRoutes: demoRoutes(),
    plugins: [clinicRules()],
  })
  const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS})
  return {
    lake,
    browser,
    async close() {
      await browser.close()
      await lake.close()
      rmSync(dir, {recursive: true, force: true})
    },
  }
}

export interface WidgetPageOptions {
  origin?: string
  apiHost?: string
  script?: string
  /** Markup before the kit's script, e.g. a timing script. */
  head?: string
}

/**
 * The HTML of a page at `origin` (default the demo lake) that loads the built drop-in script from
 * that origin, reads content from `apiHost` (default the same origin) and holds `markup`.
 */
export function widgetHtml(
  d: DemoSession,
  markup: string,
  {
    origin = d.lake.url,
    apiHost = origin,
    script = 'clinic-kit.iife.js',
    head = '',
  }: WidgetPageOptions = {},
): string {
  return `<!doctype html><html lang="en"><head>${head}<script src="${origin}/dist/${script}"></script>
        <script>clinicKit.configure({apiHost: ${JSON.stringify(apiHost)}})</script></head><body>${markup}</body></html>`
}

/** Fails the test that opened `page` on an exception in it. */
export function failOnPageError(page: Page): void {
  page.on('pageerror', (error) => {
    throw new Error(`page error: ${error.message}`)
  })
}

/**
 * A page at `origin` (default the demo lake) holding `markup` with the built drop-in script (see
 * widgetHtml). One origin for page, script and content: Chromium's local network access rules
 * block cross-port loopback requests. The page's HTML comes from a Playwright route.
 */
export async function widgetPage(
  d: DemoSession,
  markup: string,
  {
    context,
    ...options
  }: WidgetPageOptions & {
    /** Open the page in this context instead of a new one of its own. */
    context?: BrowserContext
  } = {},
): Promise<Page> {
  const page = await (context ?? d.browser).newPage()
  failOnPageError(page)
  const origin = options.origin ?? d.lake.url
  await page.route('**/widget-test.html', (route) =>
    route.fulfill({contentType: 'text/html', body: widgetHtml(d, markup, options)}),
  )
  await page.goto(`${origin}/widget-test.html`)
  return page
}

/** Waits until every element matching `selector` shows something matching `shown` in its shadow root. */
export async function waitForEvery(page: Page, selector: string, shown: string): Promise<void> {
  await page.waitForFunction(
    ([s, parts]) =>
      [...document.querySelectorAll(s!)].every((el) => el.shadowRoot?.querySelector(parts!)),
    [selector, shown],
  )
}

/** Every clinic-kit element that shows content. */
export const WIDGET_TAGS = 'ck-faq, ck-article, ck-clinician, ck-clinician-list'

/**
 * Waits until every element matching `selector` (default: all of them) shows its content or a
 * message: questions, an article's title, a clinician's card, or a status (empty, not found,
 * error). Not the skeleton, and not the empty `base` part an element starts with.
 */
export const waitForContent = (page: Page, selector = WIDGET_TAGS): Promise<void> =>
  waitForEvery(
    page,
    selector,
    '[part~="questions"], [part~="title"], [part~="card"], [part~="status"]',
  )

/** The JSON-LD an element keeps in its light DOM, parsed. */
export async function jsonLdOf(page: Page, selector: string): Promise<Record<string, unknown>> {
  const text = await page.locator(`${selector} > script[type="application/ld+json"]`).textContent()
  return JSON.parse(String(text)) as Record<string, unknown>
}

/**
 * How far (CSS px) anything in the shadow trees of the elements matching `selector` reaches past
 * its element's right edge, largest first; WCAG 1.4.10 reflow wants none at 320 px.
 */
export async function shadowOverflow(
  page: Page,
  selector: string,
): Promise<Array<{tag: string; part: string; px: number}>> {
  return page.evaluate((s) => {
    const found: Array<{tag: string; part: string; px: number}> = []
    for (const host of document.querySelectorAll(s)) {
      const right = host.getBoundingClientRect().right
      for (const node of host.shadowRoot?.querySelectorAll('*') ?? []) {
        const px = node.getBoundingClientRect().right - right
        if (px > 0.5)
          found.push({tag: host.localName, part: node.getAttribute('part') ?? node.localName, px})
      }
    }
    return found.sort((a, b) => b.px - a.px)
  }, selector)
}
