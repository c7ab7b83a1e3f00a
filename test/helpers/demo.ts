// A lake that also serves the demo page and the built widgets, and Chromium to open it.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {chromium, type Browser} from 'playwright-core'
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
