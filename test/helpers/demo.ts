// A lake that also serves the demo page and the built widgets, and Chromium to open it.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {chromium, type Browser, type Page} from 'playwright-core'
import {SAMPLE_PATH} from '../../content/build'
import {demoRoutes} from '../../demo/routes'
import {startLake, type RunningLake} from '../../lake/server'
import {CHROMIUM_ARGS} from './chromium'

export interface DemoSession {
  lake: RunningLake
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

/**
 * A page at `origin` (default the demo lake) that loads the built drop-in script from that origin,
 * reads content from `apiHost` (default the same origin) and holds `markup`. One origin for page,
 * script and content: Chromium's local network access rules block cross-port loopback requests.
 */
export async function widgetPage(
  d: DemoSession,
  markup: string,
  {origin = d.lake.url, apiHost = origin}: {origin?: string; apiHost?: string} = {},
): Promise<Page> {
  const page = await d.browser.newPage()
  await page.route('**/widget-test.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><script src="${origin}/dist/clinic-kit.iife.js"></script>
        <script>clinicKit.configure({apiHost: ${JSON.stringify(apiHost)}})</script></head><body>${markup}</body></html>`,
    }),
  )
  await page.goto(`${origin}/widget-test.html`)
  return page
}
