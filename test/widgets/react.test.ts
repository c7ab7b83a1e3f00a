// clinic-kit/react: the built wrappers bundled into a React app (as a site would) and run in
// Chromium against the lake.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {build, type Rolldown} from 'vite'
import {openDemo, type DemoSession} from '../helpers/demo'

let d: DemoSession
let appCode: string
before(async () => {
  d = await openDemo()
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    define: {'process.env.NODE_ENV': '"production"'},
    build: {
      write: false,
      minify: false,
      rollupOptions: {input: 'test/fixtures/react-app.ts', output: {format: 'es'}},
    },
  })) as Rolldown.RolldownOutput
  const entry = output.output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry)
  assert.ok(entry?.type === 'chunk', 'the app bundle has an entry chunk')
  appCode = entry.code
})
after(async () => {
  await d?.close()
})

describe('clinic-kit/react', () => {
  it('renders the elements with React props and reports their events to React handlers', async () => {
    const page = await d.browser.newPage()
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`))
    await page.route('**/react.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="/react-app.js"></script></body></html>',
      }),
    )
    await page.route('**/react-app.js', (route) =>
      route.fulfill({contentType: 'text/javascript', body: appCode}),
    )
    await page.goto(`${d.lake.url}/react.html`)

    const firstButton = page.locator('ck-faq >> [part~="button"]').first()
    await firstButton.waitFor()
    // headingLevel={2} reached the element as a property.
    assert.equal(
      await page.locator('ck-faq >> [role="heading"]').first().getAttribute('aria-level'),
      '2',
    )
    await firstButton.click()
    await page.locator('#events li', {hasText: 'toggle:true'}).waitFor()
    const events = await page.locator('#events li').allTextContents()
    assert.match(events[0]!, /^load:\d+$/)
    assert.ok(Number(events[0]!.split(':')[1]) > 0)
    assert.equal(events[1], 'toggle:true:What types of headaches can Botox help?')

    await page.locator('ck-clinician >> [part~="name"]').waitFor()
    assert.equal(
      await page.locator('ck-clinician >> [part~="name"]').textContent(),
      'Dr. Sloane Yu, MD',
    )
    await page.close()
  })
})
