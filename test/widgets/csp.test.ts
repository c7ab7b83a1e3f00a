// Partner sites often send a strict Content-Security-Policy (no inline scripts or styles, perhaps
// Trusted Types). Every element from the built drop-in script works under one without a single
// violation.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import type {Page} from 'playwright-core'
import {failOnPageError, openDemo, waitForContent, type DemoSession} from '../helpers/demo'

let d: DemoSession
before(async () => {
  d = await openDemo()
})
after(async () => {
  await d?.close()
})

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"

/** A page under `policy` that records every violation (in `window.__violations`). */
async function strictPage(markup: string, policy = STRICT_CSP): Promise<Page> {
  const page = await d.browser.newPage()
  failOnPageError(page)
  // Init scripts come from the browser's debugging protocol, which the policy does not govern.
  await page.addInitScript(() => {
    const violations: string[] = []
    Object.assign(window, {__violations: violations})
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective}: ${event.sample || event.blockedURI}`),
    )
  })
  await page.route('**/strict.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: {'content-security-policy': policy},
      body: `<!doctype html><html lang="en"><head><script src="${d.lake.url}/dist/clinic-kit.iife.js"></script></head>
        <body><ck-config api-host="${d.lake.url}"></ck-config>${markup}</body></html>`,
    }),
  )
  await page.goto(`${d.lake.url}/strict.html`)
  return page
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as {__violations: string[]}).__violations)

describe('under a strict Content-Security-Policy', () => {
  it('every element shows its content, themed, with no violation', async () => {
    const page = await strictPage(`
      <ck-faq topic="chronic-migraine" searchable structured-data live></ck-faq>
      <ck-faq id="partner" partner="riverbend-family-medicine"></ck-faq>
      <ck-article slug="prevent-headaches-with-botox"></ck-article>
      <ck-clinician slug="sloane-yu"></ck-clinician>
      <ck-clinician-list clinic="allied-pain-spine-institute"></ck-clinician-list>`)
    await waitForContent(page)
    assert.match(
      String(await page.locator('ck-article >> [part~="title"]').textContent()),
      /Prevent Headaches with Botox/,
    )
    // The partner's theme font applies (set through CSSOM, which the policy allows).
    const font = await page
      .locator('#partner >> [part~="button"]')
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily)
    assert.match(font, /Georgia/)
    // JSON-LD is data, not script: the policy lets it be.
    assert.equal(
      await page.locator('ck-faq[structured-data] > script[type="application/ld+json"]').count(),
      1,
    )
    assert.deepEqual(await violations(page), [])
    await page.close()
  })

  it('sizes the loading skeleton for the questions to come, with no violation', async () => {
    const waiting = await strictPage('')
    // Hold the query unanswered, so the skeleton stays.
    await waiting.route('**/data/query/**', () => undefined)
    await waiting.evaluate(() =>
      document.body.insertAdjacentHTML('beforeend', '<ck-faq limit="3" searchable></ck-faq>'),
    )
    const skeleton = waiting.locator('ck-faq >> [part~="skeleton"]')
    await skeleton.waitFor()
    const box = await skeleton.evaluate((el) => {
      const style = getComputedStyle(el)
      return {minHeight: parseFloat(style.minHeight), paddingTop: style.paddingTop}
    })
    // Three questions of at least 44 px each (plus their border), below the search box's room.
    assert.ok(box.minHeight >= 3 * 45 && box.minHeight < 4 * 45, `min-height ${box.minHeight}`)
    assert.equal(box.paddingTop, '60px')
    assert.deepEqual(await violations(waiting), [])
    await waiting.close()
  })

  const TRUSTED_TYPES = `${STRICT_CSP}; require-trusted-types-for 'script'`
  const faqWithJsonLd = '<ck-faq topic="chronic-migraine" structured-data></ck-faq>'
  const loaded = (page: Page) => page.locator('ck-faq >> [part~="questions"]').waitFor()

  it('writes JSON-LD under Trusted Types through its named policy, with no violation', async () => {
    const page = await strictPage(
      faqWithJsonLd,
      `${TRUSTED_TYPES}; trusted-types lit-html clinic-kit-json-ld`,
    )
    await loaded(page)
    const jsonLd = page.locator('ck-faq > script[type="application/ld+json"]')
    await jsonLd.waitFor({state: 'attached'})
    const data = JSON.parse(String(await jsonLd.textContent())) as {'@type': string}
    assert.equal(data['@type'], 'FAQPage')
    assert.deepEqual(await violations(page), [])
    await page.close()
  })

  it('still shows the content when the page refuses that policy, leaving JSON-LD out', async () => {
    const page = await strictPage(faqWithJsonLd, `${TRUSTED_TYPES}; trusted-types lit-html`)
    await loaded(page)
    assert.equal(await page.locator('ck-faq > script').count(), 0)
    // The refused policy and the blocked JSON-LD text are reported, nothing else.
    const directives = (await violations(page)).map((v) => v.split(':')[0])
    assert.deepEqual([...new Set(directives)].sort(), [
      'require-trusted-types-for',
      'trusted-types',
    ])
    await page.close()
  })
})
