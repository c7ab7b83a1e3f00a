// The real Studio, built for the local lake, served by a lake over HTTP/2 + TLS, in Debian's
// Chromium driven by playwright-core. Chromium trusts exactly the lake's certificate key
// (--ignore-certificate-errors-spki-list), the first-run option the README gives editors.
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {chromium, type Browser, type Page} from 'playwright-core'
import {SAMPLE_PATH} from '../../content/build'
import {ensureCommentsDataset} from '../../lake/datasets/comments-route'
import {studioSiteRoutes} from '../../lake/studio/site-route'
import {startLake, type RunningLake} from '../../lake/server/server'
import {SAMPLE_USERS} from '../../content/sample-users'
import {clinicRules} from '../../clinic-rules'
import {ensureLakeTls, spkiHash} from '../../lake/server/tls'
import {buildLakeStudio} from '../../scripts/studio-build'
import {CHROMIUM_ARGS} from './chromium'
import {demoRoutes} from '../../demo/routes'

export interface StudioSession {
  lake: RunningLake
  browser: Browser
  page: Page
  /** The production workspace: https://localhost:<port>/studio/production */
  studioUrl: string
  /** Adds a lake user with the role and answers its token. */
  addUser(role: string, id?: string): string
  /** Opens the Studio signed in with the token (a user's, or the lake token by default). */
  signIn(token?: string): Promise<void>
  /** Adds one of the sample's people (content/sample-users.ts SAMPLE_USERS) and answers its token. */
  addSampleUser(id: string): string
  /** A page in a browser context of its own (its own storage), signed in with the token. */
  openSignedIn(token: string): Promise<Page>
  close(): Promise<void>
}

export interface StudioOptions {
  /** The lake's clock (its release scheduler reads it); tests then call `lake.scheduler.tick()`. */
  now?: () => Date
}

export async function openStudio(options: StudioOptions = {}): Promise<StudioSession> {
  mkdirSync('.cache', {recursive: true})
  // CK_STUDIO_DIR: a Studio built before (`buildLakeStudio`), to rerun one scenario quickly.
  const prebuilt = process.env.CK_STUDIO_DIR
  const studioDir = prebuilt || mkdtempSync(join('.cache', 'studio-lake-'))
  if (!prebuilt) await buildLakeStudio(studioDir)
  const dir = mkdtempSync(join(tmpdir(), 'ck-studio-'))
  const tls = ensureLakeTls(dir)
  const lake = await startLake({
    port: 0,
    tlsPort: 0,
    dir,
    seed: SAMPLE_PATH,
    tls,
    quiet: true,
    ...(options.now ? {now: options.now} : {}),
    extraRoutes: [...studioSiteRoutes(studioDir), ...demoRoutes()],
    plugins: [clinicRules()],
  })
  // As `npm start` does: the Studio's staging workspace edits a copy of production.
  lake.datasets.copy(lake.datasets.defaultName, 'staging')
  for (const name of [lake.datasets.defaultName, 'staging'])
    ensureCommentsDataset(lake.datasets, name)
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${spkiHash(tls.cert)}`],
  })
  const page = await browser.newPage({viewport: {width: 1400, height: 900}})
  const studioUrl = `${lake.tlsUrl!.replace('127.0.0.1', 'localhost')}/studio/production`
  await untilCertificatesVerify(page, `${new URL(studioUrl).origin}/v2025-02-19/ping`)
  return {
    lake,
    browser,
    page,
    studioUrl,
    addUser(role, id = `studio-${role}`) {
      const name = `Studio ${role}`
      return lake.users.add({id, name, email: `${id}@example.test`, role}).token
    },
    async signIn(token = lake.token) {
      // The Studio takes the token from the URL's hash, keeps it, and drops it from the URL.
      await page.goto(`${studioUrl}/#token=${token}`)
      await page.getByText('FAQs', {exact: true}).waitFor()
    },
    addSampleUser(id) {
      const sample = SAMPLE_USERS.find((user) => user.id === id)
      if (!sample) throw new Error(`No sample user "${id}"`)
      return lake.users.add(sample).token
    },
    async openSignedIn(token) {
      const context = await browser.newContext({viewport: {width: 1400, height: 900}})
      const other = await context.newPage()
      await other.goto(`${studioUrl}/#token=${token}`)
      await other.getByText('FAQs', {exact: true}).waitFor({timeout: 60_000})
      return other
    },
    async close() {
      await browser.close()
      await lake.close()
      rmSync(dir, {recursive: true, force: true})
      if (!prebuilt) rmSync(studioDir, {recursive: true, force: true})
    },
  }
}

/**
 * A fresh Chromium may answer its first TLS navigations with ERR_CERT_VERIFIER_CHANGED while its
 * certificate verifier is still being set up; navigate to a lake route until one loads, so tests
 * start once the lake's certificate verifies.
 */
async function untilCertificatesVerify(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url)
      return
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('ERR_CERT_VERIFIER_CHANGED')) throw error
      await new Promise((r) => setTimeout(r, 250))
    }
  }
}

/** Where a watched page's signs of the lake failing the Studio are collected. */
export interface LakeFailures {
  /** Answers of 401, 403, 404 or 5xx from the lake's origins (HTTP, TLS and the Studio's). */
  lakeFailures: string[]
  /** The page's console errors, to read beside them. */
  consoleErrors: string[]
}

/** Collects into `into` what shows the lake failing the Studio on `page`, each line naming `who`. */
export function watchLakeFailures(
  page: Page,
  session: StudioSession,
  into: LakeFailures,
  who?: string,
): void {
  const origins = [session.lake.url, session.lake.tlsUrl!, new URL(session.studioUrl).origin]
  const named = (line: string) => (who ? `${who}: ${line}` : line)
  page.on('response', (response) => {
    const status = response.status()
    const fromLake = origins.some((origin) => response.url().startsWith(origin))
    if (fromLake && (status === 401 || status === 403 || status === 404 || status >= 500))
      into.lakeFailures.push(named(`${status} ${response.request().method()} ${response.url()}`))
  })
  page.on('console', (message) => {
    if (message.type() === 'error') into.consoleErrors.push(named(message.text()))
  })
}
