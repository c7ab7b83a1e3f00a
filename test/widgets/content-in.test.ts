// The built drop-in scripts (dist/*.iife.js) with content given through each element's `data`
// property: set before the element connects, no content request leaves the page; set after, it
// replaces a load that has not answered.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import type {Page} from 'playwright-core'
import {failOnPageError, openDemo, widgetHtml, type DemoSession} from '../helpers/demo'

let d: DemoSession
before(async () => {
  d = await openDemo()
})
after(async () => {
  await d?.close()
})

interface DropInCase {
  script: string
  tag: string
  attributes: Record<string, string>
  /** The part whose text the edit changes. */
  part: string
  /** Edits the query's answer in the page (a function body over `result`). */
  edit: string
  edited: string
}

const CASES: DropInCase[] = [
  {
    script: 'ck-faq.iife.js',
    tag: 'ck-faq',
    attributes: {topic: 'chronic-migraine', lang: 'en'},
    part: 'button',
    edit: 'result.faqs[0].question = "A question given as data"',
    edited: 'A question given as data',
  },
  {
    script: 'ck-article.iife.js',
    tag: 'ck-article',
    attributes: {slug: 'prevent-headaches-with-botox'},
    part: 'title',
    edit: 'result.article.title = "An article given as data"',
    edited: 'An article given as data',
  },
  {
    script: 'ck-clinician.iife.js',
    tag: 'ck-clinician',
    attributes: {slug: 'sloane-yu'},
    part: 'name',
    edit: 'result[0].givenName = "Given"',
    edited: 'Dr. Given Yu, MD',
  },
  {
    script: 'clinic-kit.iife.js',
    tag: 'ck-clinician-list',
    attributes: {clinic: 'allied-pain-spine-institute'},
    part: 'name',
    edit: 'result[0].givenName = "Given"; result[0].familyName = "Asdata"',
    edited: 'Dr. Given Asdata, MD',
  },
]

const markupOf = ({tag, attributes}: DropInCase) =>
  `<${tag} ${Object.entries(attributes)
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ')}></${tag}>`

/**
 * A page with the case's drop-in script and `markup`, and the content requests (queries and
 * listen streams) it makes, as the network sees them and as the page's fetch and EventSource do.
 * `hold` leaves every query unanswered.
 */
async function dropInPage(c: DropInCase, markup: string, {hold = false} = {}) {
  const page = await d.browser.newPage()
  failOnPageError(page)
  const urls: string[] = []
  page.on('request', (request) => {
    if (/\/data\/(query|listen)\//.test(request.url())) urls.push(request.url())
  })
  await page.addInitScript(() => {
    const calls: string[] = ((window as unknown as {ckCalls: string[]}).ckCalls = [])
    const {fetch: originalFetch, EventSource: OriginalEventSource} = window
    window.fetch = (input, init) => (calls.push(String(input)), originalFetch(input, init))
    window.EventSource = class extends OriginalEventSource {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init)
        calls.push(String(url))
      }
    }
  })
  if (hold) await page.route('**/data/query/**', () => undefined)
  await page.route('**/widget-test.html', (route) =>
    route.fulfill({contentType: 'text/html', body: widgetHtml(d, markup, {script: c.script})}),
  )
  await page.goto(`${d.lake.url}/widget-test.html`)
  const calls = () => page.evaluate(() => (window as unknown as {ckCalls: string[]}).ckCalls)
  return {page, urls, calls}
}

/** The query's answer for the element, as the built script asks the lake for it. */
async function answerFor(c: DropInCase): Promise<unknown> {
  const {page, urls} = await dropInPage(c, markupOf(c))
  await page.locator(`${c.tag} [part~="${c.part}"]`).first().waitFor()
  await page.close()
  const url = urls.find((u) => u.includes('/data/query/'))
  assert.ok(url, `${c.script} queried the lake`)
  return ((await (await fetch(url)).json()) as {result: unknown}).result
}

const shownText = (page: Page, c: DropInCase) =>
  page
    .locator(`${c.tag} [part~="${c.part}"]`)
    .first()
    .textContent()
    .then((t) => t?.replace(/\s+/g, ' ').trim())

describe('drop-in scripts given content through data', () => {
  for (const c of CASES) {
    it(`${c.script}: <${c.tag}> given data before it connects requests no content`, async () => {
      const result = await answerFor(c)
      const {page, urls, calls} = await dropInPage(c, '')
      await page.evaluate(
        ({c, result}) => {
          const element = document.createElement(c.tag) as HTMLElement & {data?: unknown}
          for (const [name, value] of Object.entries(c.attributes))
            element.setAttribute(name, value)
          element.setAttribute('live', '')
          new Function('result', c.edit)(result)
          element.data = result
          document.body.append(element)
        },
        {c, result},
      )
      await page.locator(`${c.tag} [part~="${c.part}"]`).first().waitFor()
      assert.equal(await shownText(page, c), c.edited)
      assert.deepEqual(await calls(), [])
      assert.deepEqual(urls, [])
      await page.close()
    })

    it(`${c.script}: <${c.tag}> given data after it connects shows it instead of the pending load`, async () => {
      const result = await answerFor(c)
      // A content service that never answers: the element stays loading until given data.
      const {page, calls} = await dropInPage(c, markupOf(c), {hold: true})
      await page.locator(`${c.tag} [part~="skeleton"]`).waitFor()
      assert.equal((await calls()).length, 1, 'the load is under way')
      await page.evaluate(
        ({c, result}) => {
          new Function('result', c.edit)(result)
          ;(document.querySelector(c.tag) as HTMLElement & {data?: unknown}).data = result
        },
        {c, result},
      )
      await page.locator(`${c.tag} [part~="${c.part}"]`).first().waitFor()
      assert.equal(await shownText(page, c), c.edited)
      await page.close()
    })
  }
})
