// A clinic's own build: SANITY_* at build time become the scripts' defaults, so a partner's page
// needs only the script and the element to read the clinic's hosted project, and the build's
// token never reaches the public script.
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {openDemo, type DemoSession} from '../helpers/demo'

const TOKEN = 'sk-build-secret-never-shipped'

let d: DemoSession
let out: string
before(async () => {
  out = mkdtempSync(join(tmpdir(), 'ck-build-'))
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', out], {
    cwd: 'widgets',
    env: {
      ...process.env,
      CK_BUILD: 'iife-faq',
      SANITY_API_HOST: 'hosted',
      SANITY_PROJECT_ID: 'abc123',
      SANITY_DATASET: 'site',
      SANITY_API_TOKEN: TOKEN,
    },
    stdio: 'pipe',
  })
  d = await openDemo()
})
after(async () => {
  await d?.close()
  rmSync(out, {recursive: true, force: true})
})

describe('content defaults from the build’s environment', () => {
  it('keeps the token out of the script', () => {
    const script = readFileSync(join(out, 'ck-faq.iife.js'), 'utf8')
    assert.ok(script.includes('abc123'))
    assert.ok(!script.includes(TOKEN))
  })

  it('reads the hosted project from the API CDN with no configuration on the page', async () => {
    const page = await d.browser.newPage()
    const asked: string[] = []
    // Sanity's CDN is out of reach here: the lake answers in its place, from its sample dataset.
    await page.route('https://abc123.apicdn.sanity.io/**', async (route) => {
      const url = new URL(route.request().url())
      asked.push(`${url.origin}${url.pathname}`)
      const lake = await fetch(
        `${d.lake.url}${url.pathname.replace('/data/query/site', '/data/query/production')}${url.search}`,
      )
      await route.fulfill({
        status: lake.status,
        headers: {'content-type': 'application/json', 'access-control-allow-origin': '*'},
        body: await lake.text(),
      })
    })
    await page.route('**/partner.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><script src="/ck-faq.iife.js"></script><ck-faq topic="chronic-migraine"></ck-faq>',
      }),
    )
    await page.route('**/ck-faq.iife.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: readFileSync(join(out, 'ck-faq.iife.js'), 'utf8'),
      }),
    )
    try {
      await page.goto(`${d.lake.url}/partner.html`)
      const first = page.locator('ck-faq >> [part~="button"]').first()
      await first.waitFor()
      assert.match(String(await first.textContent()), /What types of headaches can Botox help\?/)
      assert.deepEqual(asked, ['https://abc123.apicdn.sanity.io/v2025-02-19/data/query/site'])
    } finally {
      await page.close()
    }
  })
})
